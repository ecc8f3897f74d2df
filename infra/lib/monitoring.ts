import { ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
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
  readonly table: dynamodb.ITable;
  /** Functions fed by the table's stream, by name: their iterator age says how far behind they are. */
  readonly streamConsumers?: ReadonlyMap<string, lambda.IFunction>;
  /** Dead-letter queues by name: any message in one means an event could not be handled. */
  readonly deadLetterQueues?: ReadonlyMap<string, sqs.IQueue>;
}

const PERIOD = Duration.minutes(5);

/**
 * How far behind the table's stream a consumer may fall before someone is told: a council
 * reminder or a seat confirmation five minutes late is still useful, much later it is not.
 */
export const ITERATOR_AGE_ALARM_MS = Duration.minutes(5).toMilliseconds();
/**
 * p99 API latency that raises the alarm when it holds for three periods in a row (fifteen
 * minutes): a cold start is ~1 s, so this means every request of the slowest 1% waits.
 */
export const API_LATENCY_P99_ALARM_MS = 3000;
const API_LATENCY_PERIODS = 3;

interface AlarmOptions {
  readonly threshold?: number;
  /** Consecutive periods above the threshold that raise the alarm. */
  readonly periods?: number;
}

/**
 * Alarms on what a resident would notice: API 5xx and slow answers, function errors and
 * throttles, table throttles, a stream consumer falling behind, a message in a dead-letter
 * queue. A small community has little traffic, so a single error in five minutes raises the
 * alarm. And one dashboard with the figures an operator looks at first.
 */
export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);

    this.topic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'Linli alarms',
      enforceSSL: true,
      signatureVersion: '2',
    });
    // The topic policy that enforceSSL creates replaces the default one, so CloudWatch
    // needs an explicit allow to publish the alarms of this account.
    const stack = Stack.of(this);
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsOfThisAccount',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
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
    this.alarm(
      'ApiLatencyP99',
      props.httpApi.metricLatency({ period: PERIOD, statistic: 'p99' }),
      `The API's p99 latency stayed at or above ${API_LATENCY_P99_ALARM_MS} ms for ${API_LATENCY_PERIODS * 5} minutes`,
      { threshold: API_LATENCY_P99_ALARM_MS, periods: API_LATENCY_PERIODS },
    );

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

    for (const [name, fn] of props.streamConsumers ?? []) {
      this.alarm(
        `${pascalCase(name)}IteratorAge`,
        iteratorAge(fn),
        `The ${name} function is ${ITERATOR_AGE_ALARM_MS / 60_000} minutes or more behind the table stream`,
        { threshold: ITERATOR_AGE_ALARM_MS },
      );
    }

    for (const [name, queue] of props.deadLetterQueues ?? []) {
      this.alarm(
        `${pascalCase(name)}DeadLetters`,
        queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
        `Events could not be handled and wait in the ${name} dead-letter queue`,
      );
    }

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: stack.stackName,
      defaultInterval: Duration.days(1),
      widgets: dashboardRows(props),
    });
  }

  private alarm(id: string, metric: cloudwatch.IMetric, description: string, options: AlarmOptions = {}): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      alarmDescription: `Linli: ${description}`,
      threshold: options.threshold ?? 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: options.periods ?? 1,
      datapointsToAlarm: options.periods ?? 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}

/** Age of the newest record a stream consumer has read when it reads it (ms; Lambda's metric). */
function iteratorAge(fn: lambda.IFunction): cloudwatch.Metric {
  return fn.metric('IteratorAge', { period: PERIOD, statistic: 'Maximum' });
}

function graph(title: string, left: cloudwatch.IMetric[], unit?: string): cloudwatch.GraphWidget {
  return new cloudwatch.GraphWidget({
    title,
    left,
    width: 8,
    height: 6,
    ...(unit === undefined ? {} : { leftYAxis: { label: unit, showUnits: false, min: 0 } }),
  });
}

/** The dashboard: the API, then each function, then the stream, queues and table. */
function dashboardRows(props: MonitoringProps): cloudwatch.IWidget[][] {
  const api = props.httpApi;
  const functions = [...props.functions];
  const perFunction = (label: string, metric: (fn: lambda.IFunction) => cloudwatch.Metric) =>
    functions.map(([name, fn]) => metric(fn).with({ label: `${name} ${label}` }));
  const capacity = (['Read', 'Write'] as const).map((kind) =>
    props.table.metric(`Consumed${kind}CapacityUnits`, { period: PERIOD, statistic: 'Sum', label: `${kind} units` }),
  );

  return [
    [
      graph('API requests', [api.metricCount({ period: PERIOD, statistic: 'Sum', label: 'requests' })], 'count'),
      graph(
        'API errors',
        [
          api.metricClientError({ period: PERIOD, statistic: 'Sum', label: '4xx' }),
          api.metricServerError({ period: PERIOD, statistic: 'Sum', label: '5xx' }),
        ],
        'count',
      ),
      graph(
        'API latency',
        [
          api.metricLatency({ period: PERIOD, statistic: 'p50', label: 'p50' }),
          api.metricLatency({ period: PERIOD, statistic: 'p99', label: 'p99' }),
        ],
        'ms',
      ),
    ],
    [
      graph(
        'Invocations per function',
        perFunction('', (fn) => fn.metricInvocations({ period: PERIOD, statistic: 'Sum' })),
        'count',
      ),
      graph(
        'Errors per function',
        perFunction('', (fn) => fn.metricErrors({ period: PERIOD, statistic: 'Sum' })),
        'count',
      ),
      graph(
        'p99 duration per function',
        perFunction('p99', (fn) => fn.metricDuration({ period: PERIOD, statistic: 'p99' })),
        'ms',
      ),
    ],
    [
      graph(
        'Stream iterator age',
        [...(props.streamConsumers ?? [])].map(([name, fn]) => iteratorAge(fn).with({ label: name })),
        'ms',
      ),
      graph(
        'Dead-letter queue depth',
        [...(props.deadLetterQueues ?? [])].map(([name, queue]) =>
          queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum', label: name }),
        ),
        'messages',
      ),
      graph('Table consumed capacity', capacity, 'units'),
    ],
  ];
}
