import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
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
  readonly table: dynamodb.Table;
  readonly jwtSigningKey: secretsmanager.ISecret;
  readonly wechatSecret: secretsmanager.ISecret;
}

/** The HTTP API, its functions and their alarms. Holds no table data or secrets. */
export class ApiStack extends Stack {
  readonly api: Api;
  readonly monitoring: Monitoring;
  readonly notifier: Notifier;

  constructor(scope: Scope, id: string, props: ApiStackProps) {
    super(scope, id, { terminationProtection: props.stage.deletionProtection, ...props });
    const { stage } = props;

    this.api = new Api(this, 'Api', {
      routes: props.routes,
      table: props.table,
      jwtSigningKey: props.jwtSigningKey,
      wechatSecret: props.wechatSecret,
      throttle: stage.throttle,
      corsAllowOrigins: stage.corsAllowOrigins,
      logLevel: stage.logLevel,
      logRetention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
      paramsAndSecretsLayerArn: stage.paramsAndSecretsLayerArn,
    });

    this.notifier = new Notifier(this, 'Notifier', {
      table: props.table,
      wechatSecret: props.wechatSecret,
      templateIdsJson: JSON.stringify(stage.wechatTemplateIds),
      logLevel: stage.logLevel,
      logRetention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
      paramsAndSecretsLayerArn: stage.paramsAndSecretsLayerArn,
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
            table: props.table,
            subscription: s,
            logLevel: stage.logLevel,
            logRetention: stage.logRetention,
            removalPolicy: stage.removalPolicy,
            paramsAndSecretsLayerArn: stage.paramsAndSecretsLayerArn,
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
      table: props.table,
      deadLetterQueues: [this.notifier.deadLetters, ...subscribers.map((s) => s.deadLetters)],
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.topic.topicArn });
  }
}
