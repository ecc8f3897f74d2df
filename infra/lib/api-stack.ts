import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { RouteDef } from '../../shared/src/contract/route';
import { Api } from './api';
import { Monitoring } from './monitoring';
import { Construct as Scope } from 'constructs';
import { subscriptions } from '../../functions/src/subscriptions';
import { Notifier } from './notifier';
import { outboxSubscriber } from './outbox-subscriber';
import type { StageConfig } from './stage-config';

export interface ApiStackProps extends StackProps {
  readonly stage: StageConfig;
  readonly routes: readonly RouteDef[];
  /** The Data stack's table; the functions use it unless `restoredTable` is given. */
  readonly table?: dynamodb.ITable;
  /** A table restored from a backup (docs/restore.md), used by name instead of the Data stack's. */
  readonly restoredTable?: { readonly tableName: string; readonly tableStreamArn: string };
  readonly jwtSigningKey: secretsmanager.ISecret;
  readonly wechatSecret: secretsmanager.ISecret;
  /** The Data stack's photo bucket, by name (infra/lib/photos.ts). */
  readonly photoBucketName: string;
}

/** The HTTP API, its functions and their alarms. Holds no table data or secrets. */
export class ApiStack extends Stack {
  readonly api: Api;
  readonly monitoring: Monitoring;
  readonly notifier: Notifier;

  constructor(scope: Scope, id: string, props: ApiStackProps) {
    super(scope, id, { terminationProtection: props.stage.deletionProtection, ...props });
    const { stage } = props;
    const table =
      props.restoredTable === undefined
        ? props.table
        : dynamodb.Table.fromTableAttributes(this, 'RestoredTable', props.restoredTable);
    if (table === undefined) throw new Error('ApiStack needs the Data stack table or a restored table');

    this.api = new Api(this, 'Api', {
      routes: props.routes,
      table,
      jwtSigningKey: props.jwtSigningKey,
      wechatSecret: props.wechatSecret,
      photoBucketName: props.photoBucketName,
      throttle: stage.throttle,
      corsAllowOrigins: stage.corsAllowOrigins,
      logLevel: stage.logLevel,
      logRetention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
      customDomain: stage.customDomain,
    });

    this.notifier = new Notifier(this, 'Notifier', {
      table,
      wechatSecret: props.wechatSecret,
      templateIdsJson: JSON.stringify(stage.wechatTemplateIds),
      logLevel: stage.logLevel,
      logRetention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
    });

    // Every other outbox subscriber (points credits, …): its own function, event source and queue.
    const subscribers = subscriptions
      .filter((s) => s.name !== 'notifier')
      .map((s) => ({
        name: s.name,
        ...outboxSubscriber(
          new Scope(
            this,
            s.name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
          ),
          {
            table,
            subscription: s,
            logLevel: stage.logLevel,
            logRetention: stage.logRetention,
            removalPolicy: stage.removalPolicy,
          },
        ),
      }));

    this.monitoring = new Monitoring(this, 'Monitoring', {
      alarmEmail: stage.alarmEmail,
      httpApi: this.api.httpApi,
      functions: new Map([
        ...[...this.api.functions].map(([domain, fn]) => [domain, fn.function] as const),
        ['notifier', this.notifier.fn.function] as const,
        ['reminders', this.notifier.reminders.function] as const,
        ...subscribers.map((s) => [s.name, s.fn.function] as const),
      ]),
      table,
      streamConsumers: new Map([
        ['notifier', this.notifier.fn.function],
        ...subscribers.map((s) => [s.name, s.fn.function] as const),
      ]),
      deadLetterQueues: new Map([
        ['notifier', this.notifier.deadLetters],
        ['reminders', this.notifier.reminderDeadLetters],
        ...subscribers.map((s) => [s.name, s.deadLetters] as const),
      ]),
    });

    new CfnOutput(this, 'ApiUrl', {
      value: this.api.url,
      description: 'Base URL of the API, no trailing slash: LINLI_API_URL of the mini-program build',
    });
    if (this.api.domainName !== undefined) {
      new CfnOutput(this, 'ApiDomainTarget', {
        value: this.api.domainName.regionalDomainName,
        description: `CNAME target for ${this.api.domainName.name} at your DNS provider`,
      });
    }
    new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.topic.topicArn });
  }
}
