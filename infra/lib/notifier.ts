import * as path from 'node:path';
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AppFunction, REPO_ROOT } from './app-function';
import type { StageConfig } from './stage-config';

export interface NotifierProps {
  readonly table: dynamodb.ITable;
  readonly wechatSecret: secretsmanager.ISecret;
  /** WeChat subscribe-message template ids by template key, as JSON (from the mini-program console). */
  readonly templateIdsJson: string;
  readonly logLevel: StageConfig['logLevel'];
  readonly logRetention: logs.RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The notifier: the table's stream, filtered to outbox inserts, drives a function that writes
 * in-app messages and sends WeChat subscribe messages. A failing batch is bisected to find the
 * bad record; records that still fail after the retries go to a dead-letter queue.
 */
export class Notifier extends Construct {
  readonly fn: AppFunction;
  readonly reminders: AppFunction;
  readonly deadLetters: sqs.Queue;
  /** Reminder runs that EventBridge could not deliver to the function after its retries. */
  readonly reminderDeadLetters: sqs.Queue;

  constructor(scope: Construct, id: string, props: NotifierProps) {
    super(scope, id);

    this.fn = new AppFunction(this, 'Function', {
      entry: path.join(REPO_ROOT, 'functions', 'src', 'notify', 'stream-lambda.ts'),
      serviceName: 'linli-notifier',
      description: 'Linli notifier: outbox events → messages',
      logLevel: props.logLevel,
      logRetention: props.logRetention,
      removalPolicy: props.removalPolicy,
      timeout: Duration.seconds(60),
    })
      .bindTable(props.table)
      .bindSecret('WECHAT_SECRET_ARN', props.wechatSecret);
    this.fn.function.addEnvironment('WECHAT_TEMPLATE_IDS', props.templateIdsJson);

    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetters.node.defaultChild!).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter destination of the notifier; an alarm watches its depth.',
    });

    this.fn.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 50,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.days(1),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetters),
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.isEqual('INSERT'),
            dynamodb: { Keys: { pk: { S: lambda.FilterRule.beginsWith('OUTBOX#') } } },
          }),
        ],
      }),
    );
    // The day-before reminders: 10:00 UTC is 18:00 in Asia/Shanghai.
    this.reminders = new AppFunction(this, 'Reminders', {
      entry: path.join(REPO_ROOT, 'functions', 'src', 'notify', 'reminders-lambda.ts'),
      serviceName: 'linli-reminders',
      description: 'Linli: reminder events for the sessions of the next day',
      logLevel: props.logLevel,
      logRetention: props.logRetention,
      removalPolicy: props.removalPolicy,
      timeout: Duration.seconds(60),
    }).bindTable(props.table);
    this.reminderDeadLetters = new sqs.Queue(this, 'ReminderDeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.reminderDeadLetters.node.defaultChild!).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter destination of the daily reminder schedule; an alarm watches its depth.',
    });
    new events.Rule(this, 'DailyReminders', {
      description: 'Linli: council session reminders, daily at 18:00 Asia/Shanghai',
      schedule: events.Schedule.cron({ minute: '0', hour: '10' }),
      targets: [
        new targets.LambdaFunction(this.reminders.function, {
          retryAttempts: 2,
          // A run that cannot start within two hours is late enough to need a person: it lands
          // in the queue (with the error) instead of vanishing, and the queue's alarm fires.
          maxEventAge: Duration.hours(2),
          deadLetterQueue: this.reminderDeadLetters,
        }),
      ],
    });

    const policy = this.fn.role.node.tryFindChild('DefaultPolicy')?.node.defaultChild;
    if (policy) {
      Validations.of(policy).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'dynamodb:ListStreams cannot be scoped to a resource; the event source mapping adds it. ' +
          'Stream reads themselves are granted on the table stream ARN only.',
      });
    }
  }
}
