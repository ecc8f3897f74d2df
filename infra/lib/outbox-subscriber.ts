import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { platformKey } from '../../functions/src/platform/table-items';
import type { SubscriberEntry } from '../../functions/src/subscriptions';
import { AppFunction } from './app-function';
import type { StageConfig } from './stage-config';

export interface OutboxSubscriberProps {
  readonly table: dynamodb.ITable;
  readonly subscription: SubscriberEntry;
  readonly logLevel: StageConfig['logLevel'];
  readonly logRetention: logs.RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * One outbox subscriber: its function, driven by the table's stream filtered to outbox inserts
 * of the event types it subscribed to, with its own retries (a failing batch is bisected to find
 * the bad record) and its own dead-letter queue. Subscribers never wait for one another.
 */
export function outboxSubscriber(
  scope: Construct,
  props: OutboxSubscriberProps,
): { fn: AppFunction; deadLetters: sqs.Queue } {
  const { subscription } = props;
  // Children 'Function' and 'DeadLetters' of the given scope, so existing logical ids stay.
  const fn = new AppFunction(scope, 'Function', {
    entry: subscription.entry,
    serviceName: `linli-${subscription.name}`,
    description: subscription.description,
    logLevel: props.logLevel,
    logRetention: props.logRetention,
    removalPolicy: props.removalPolicy,
    timeout: Duration.seconds(60),
  }).bindTable(props.table);

  const deadLetters = new sqs.Queue(scope, 'DeadLetters', {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(deadLetters.node.defaultChild!).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: `This queue is itself the dead-letter destination of ${subscription.name}; an alarm watches its depth.`,
  });

  fn.function.addEventSource(
    new DynamoEventSource(props.table, {
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 50,
      bisectBatchOnError: true,
      retryAttempts: 5,
      maxRecordAge: Duration.days(1),
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(deadLetters),
      filters: [
        lambda.FilterCriteria.filter({
          eventName: lambda.FilterRule.isEqual('INSERT'),
          dynamodb: {
            Keys: { pk: { S: lambda.FilterRule.beginsWith(platformKey.outboxPrefix) } },
            ...(subscription.types ? { NewImage: { eventType: { S: [...subscription.types] } } } : {}),
          },
        }),
      ],
    }),
  );

  const policy = fn.role.node.tryFindChild('DefaultPolicy')?.node.defaultChild;
  if (policy) {
    Validations.of(policy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'dynamodb:ListStreams cannot be scoped to a resource; the event source mapping adds it. ' +
        'Stream reads themselves are granted on the table stream ARN only.',
    });
  }
  return { fn, deadLetters };
}
