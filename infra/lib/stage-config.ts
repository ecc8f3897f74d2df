import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** Everything that differs between stages. Constructs receive these values as props. */
export interface StageConfig {
  /** Short name, part of every stack name: `Linli-<name>-Data`. */
  readonly name: string;
  /** What happens to the table, secrets and log groups when their stack is deleted. */
  readonly removalPolicy: RemovalPolicy;
  /** DynamoDB deletion protection and CloudFormation termination protection of the stacks. */
  readonly deletionProtection: boolean;
  /** Retention of the Lambda and API access log groups. */
  readonly logRetention: RetentionDays;
  /** Subscribed to the alarm topic; without one, alarms only show in the CloudWatch console. */
  readonly alarmEmail?: string;
  /** Default-stage throttling of the HTTP API, in requests per second. */
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  /** LOG_LEVEL of the functions (Powertools logger). */
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /**
   * Origins allowed by CORS. Only the H5 build runs in a browser; the mini-program is not
   * subject to CORS. Tokens travel in the Authorization header, never in cookies.
   */
  readonly corsAllowOrigins: readonly string[];
  /**
   * ARN of the ARM64 AWS Parameters and Secrets Lambda Extension layer, from
   * `-c paramsAndSecretsLayerArn=…`; needed only where aws-cdk-lib has no ARN for the region.
   */
  readonly paramsAndSecretsLayerArn?: string;
  /**
   * WeChat subscribe-message template ids by Linli's template key (seat, council, topic, meal,
   * points), from `-c wechatTemplateIds='{"seat":"…"}'`. A key without an id sends in-app only.
   */
  readonly wechatTemplateIds: Readonly<Record<string, string>>;
}

type StageDefaults = Omit<StageConfig, 'alarmEmail' | 'paramsAndSecretsLayerArn' | 'wechatTemplateIds'> & {
  /** A stage where a missing alarm recipient is a misconfiguration. */
  readonly alarmEmailRequired: boolean;
};

/** The stages, keyed by the value of `-c stage=…`. */
export const STAGES = {
  dev: {
    name: 'dev',
    removalPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
    logRetention: RetentionDays.ONE_WEEK,
    alarmEmailRequired: false,
    // Sized for one neighbourhood; revisit with `npm run bench`.
    throttle: { rateLimit: 20, burstLimit: 40 },
    logLevel: 'DEBUG',
    corsAllowOrigins: ['*'],
  },
  prod: {
    name: 'prod',
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
    logRetention: RetentionDays.THREE_MONTHS,
    alarmEmailRequired: true,
    throttle: { rateLimit: 100, burstLimit: 200 },
    logLevel: 'INFO',
    corsAllowOrigins: ['*'],
  },
} as const satisfies Record<string, StageDefaults>;

export type StageName = keyof typeof STAGES;

/** Reads `-c stage=dev|prod` (default dev), `-c alarmEmail=…` and `-c paramsAndSecretsLayerArn=…`. */
export function resolveStageConfig(context: (key: string) => unknown): StageConfig {
  const requested = context('stage') ?? 'dev';
  if (typeof requested !== 'string' || !Object.hasOwn(STAGES, requested)) {
    throw new Error(`Unknown stage ${JSON.stringify(requested)}: use -c stage=${Object.keys(STAGES).join('|')}`);
  }
  const { alarmEmailRequired, ...defaults } = STAGES[requested as StageName];

  const alarmEmail = context('alarmEmail');
  if (alarmEmail !== undefined && (typeof alarmEmail !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(alarmEmail))) {
    throw new Error(`-c alarmEmail must be an e-mail address, got ${JSON.stringify(alarmEmail)}`);
  }
  if (alarmEmailRequired && alarmEmail === undefined) {
    throw new Error(`Stage ${requested} needs someone to receive its alarms: add -c alarmEmail=ops@example.org`);
  }
  const layerArn = context('paramsAndSecretsLayerArn');
  if (layerArn !== undefined && (typeof layerArn !== 'string' || !layerArn.startsWith('arn:'))) {
    throw new Error(`-c paramsAndSecretsLayerArn must be a layer version ARN, got ${JSON.stringify(layerArn)}`);
  }
  const templates = context('wechatTemplateIds');
  let wechatTemplateIds: Record<string, string> = {};
  if (templates !== undefined) {
    try {
      wechatTemplateIds = (typeof templates === 'string' ? JSON.parse(templates) : templates) as Record<string, string>;
    } catch {
      throw new Error(`-c wechatTemplateIds must be JSON such as {"seat":"…"}, got ${JSON.stringify(templates)}`);
    }
  }
  return {
    ...defaults,
    wechatTemplateIds,
    ...(alarmEmail === undefined ? {} : { alarmEmail }),
    ...(layerArn === undefined ? {} : { paramsAndSecretsLayerArn: layerArn }),
  };
}
