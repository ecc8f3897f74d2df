import * as path from 'node:path';
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { subscriptions } from '../../functions/src/subscriptions';
import { AppFunction, REPO_ROOT } from './app-function';
import { outboxSubscriber } from './outbox-subscriber';
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
 * The notifier: an outbox subscriber (every event) that writes in-app messages and sends WeChat
 * subscribe messages, and the daily job that writes the day-before reminder events.
 */
export class Notifier extends Construct {
  readonly fn: AppFunction;
  readonly reminders: AppFunction;
  readonly deadLetters: sqs.Queue;
  /** Reminder runs that EventBridge could not deliver to the function after its retries. */
  readonly reminderDeadLetters: sqs.Queue;

  constructor(scope: Construct, id: string, props: NotifierProps) {
    super(scope, id);

    const subscriber = outboxSubscriber(this, {
      table: props.table,
      subscription: subscriptions.find((s) => s.name === 'notifier')!,
      logLevel: props.logLevel,
      logRetention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    this.fn = subscriber.fn.bindSecret('WECHAT_SECRET_ARN', props.wechatSecret);
    this.fn.function.addEnvironment('WECHAT_TEMPLATE_IDS', props.templateIdsJson);
    this.deadLetters = subscriber.deadLetters;

    // The day-before reminders: 10:00 UTC is 18:00 in Asia/Shanghai.
    this.reminders = new AppFunction(this, 'Reminders', {
      entry: path.join(REPO_ROOT, 'functions', 'src', 'notify', 'reminders-lambda.ts'),
      serviceName: 'linli-reminders',
      description: 'Linli: reminder events for the next day sessions and overdue care visits',
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
      description: 'Linli: council session reminders and grid workers overdue visits, daily at 18:00 Asia/Shanghai',
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
  }
}
