import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { GSI } from '../../functions/src/table';
import { pascalCase } from './names';

export interface MonitoringProps {
  /** Subscribed to the alarm topic when given (the subscriber must confirm the e-mail). */
  readonly alarmEmail?: string;
  readonly httpApi: apigw.HttpApi;
  /** Functions to watch, by a name used in the alarm ids. */
  readonly functions: ReadonlyMap<string, lambda.IFunction>;
  readonly table: dynamodb.Table;
  /** Dead-letter queues: any message in one means an event could not be handled. */
  readonly deadLetterQueues?: readonly sqs.IQueue[];
}

const PERIOD = Duration.minutes(5);

/**
 * Alarms on what a resident would notice: API 5xx, function errors and throttles, table throttles.
 * A small community has little traffic, so a single occurrence in five minutes raises the alarm.
 */
export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);

    this.topic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'Linli alarms',
      enforceSSL: true,
      signatureVersion: '2',
    });
    // The topic policy that enforceSSL creates replaces the default one, so CloudWatch
    // needs an explicit allow to publish the alarms of this account.
    const { account, region, partition } = Stack.of(this);
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsOfThisAccount',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${account}:alarm:*` },
        },
      }),
    );
    Validations.of(this.topic.node.defaultChild!).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notifications carry alarm names and metric values, no resident data. CloudWatch cannot ' +
        'publish to a topic under the AWS managed aws/sns key, and a customer managed key would protect nothing here.',
    });
    if (props.alarmEmail !== undefined) {
      this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    }

    this.alarm('Api5xx', props.httpApi.metricServerError({ period: PERIOD, statistic: 'Sum' }), 'The API answered 5xx');

    for (const [name, fn] of props.functions) {
      this.alarm(
        `${pascalCase(name)}Errors`,
        fn.metricErrors({ period: PERIOD, statistic: 'Sum' }),
        `The ${name} function failed`,
      );
      this.alarm(
        `${pascalCase(name)}Throttles`,
        fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }),
        `The ${name} function was throttled`,
      );
    }

    // Throttle events of the table and of each index (an on-demand table still throttles
    // on a hot partition or beyond its account limits).
    const throttleMetrics: Record<string, cloudwatch.IMetric> = {};
    const indexes: (string | undefined)[] = [undefined, ...Object.values(GSI).map((index) => index.name)];
    indexes.forEach((indexName, i) => {
      for (const kind of ['Read', 'Write'] as const) {
        throttleMetrics[`${kind.toLowerCase()}${i}`] = props.table.metric(`${kind}ThrottleEvents`, {
          period: PERIOD,
          statistic: 'Sum',
          ...(indexName === undefined
            ? {}
            : { dimensionsMap: { TableName: props.table.tableName, GlobalSecondaryIndexName: indexName } }),
        });
      }
    });
    this.alarm(
      'TableThrottles',
      new cloudwatch.MathExpression({
        // DynamoDB reports throttle events only when there are some: a missing series counts as 0.
        expression: Object.keys(throttleMetrics)
          .map((id) => `FILL(${id}, 0)`)
          .join(' + '),
        usingMetrics: throttleMetrics,
        period: PERIOD,
        label: 'Throttle events of the table and its indexes',
      }),
      'The table throttled reads or writes',
    );

    (props.deadLetterQueues ?? []).forEach((queue, i) => {
      this.alarm(
        `DeadLetters${i + 1}`,
        queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
        'Events could not be handled and wait in a dead-letter queue',
      );
    });
  }

  private alarm(id: string, metric: cloudwatch.IMetric, description: string): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      alarmDescription: `Linli: ${description}`,
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
