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
   * `-c h5Origin=https://…` narrows it to the origin the H5 build is served from.
   */
  readonly corsAllowOrigins: readonly string[];
  /**
   * The API's own domain, from `-c domainName=api.example.cn -c certificateArn=arn:…:acm:…`:
   * the request domain (服务器域名) the mini-program is allowed to call. Without one the API
   * answers on its execute-api host only.
   */
  readonly customDomain?: CustomDomainConfig;
  /**
   * WeChat subscribe-message template ids by Linli's template key (seat, council, topic, meal,
   * points), from `-c wechatTemplateIds='{"seat":"…"}'`. A key without an id sends in-app only.
   */
  readonly wechatTemplateIds: Readonly<Record<string, string>>;
}

/** A custom domain of the API: the name and the ACM certificate (same region) that covers it. */
export interface CustomDomainConfig {
  readonly domainName: string;
  readonly certificateArn: string;
}

type StageDefaults = Omit<StageConfig, 'alarmEmail' | 'customDomain' | 'wechatTemplateIds'> & {
  /** A stage where a missing alarm recipient is a misconfiguration. */
  readonly alarmEmailRequired: boolean;
  /**
   * A stage whose API must not answer browsers of any origin: `-c h5Origin=…` is required and
   * replaces `corsAllowOrigins`.
   */
  readonly h5OriginRequired: boolean;
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
    h5OriginRequired: false,
  },
  prod: {
    name: 'prod',
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
    logRetention: RetentionDays.THREE_MONTHS,
    alarmEmailRequired: true,
    throttle: { rateLimit: 100, burstLimit: 200 },
    logLevel: 'INFO',
    // Nothing until -c h5Origin names the one origin (required below).
    corsAllowOrigins: [],
    h5OriginRequired: true,
  },
} as const satisfies Record<string, StageDefaults>;

export type StageName = keyof typeof STAGES;

/**
 * Reads `-c stage=dev|prod` (default dev), `-c alarmEmail=…`, `-c h5Origin=…`,
 * `-c domainName=… -c certificateArn=…` and `-c wechatTemplateIds=…`.
 */
export function resolveStageConfig(context: (key: string) => unknown): StageConfig {
  const requested = context('stage') ?? 'dev';
  if (typeof requested !== 'string' || !Object.hasOwn(STAGES, requested)) {
    throw new Error(`Unknown stage ${JSON.stringify(requested)}: use -c stage=${Object.keys(STAGES).join('|')}`);
  }
  const { alarmEmailRequired, h5OriginRequired, ...defaults } = STAGES[requested as StageName];

  const alarmEmail = context('alarmEmail');
  if (alarmEmail !== undefined && (typeof alarmEmail !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(alarmEmail))) {
    throw new Error(`-c alarmEmail must be an e-mail address, got ${JSON.stringify(alarmEmail)}`);
  }
  if (alarmEmailRequired && alarmEmail === undefined) {
    throw new Error(`Stage ${requested} needs someone to receive its alarms: add -c alarmEmail=ops@example.org`);
  }
  const h5Origin = context('h5Origin');
  if (h5Origin !== undefined && (typeof h5Origin !== 'string' || !ORIGIN.test(h5Origin))) {
    throw new Error(
      `-c h5Origin must be an https origin such as https://h5.example.cn, got ${JSON.stringify(h5Origin)}`,
    );
  }
  if (h5OriginRequired && h5Origin === undefined) {
    throw new Error(`Stage ${requested} answers browsers of one origin only: add -c h5Origin=https://h5.example.cn`);
  }
  const customDomain = resolveCustomDomain(context);
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
    ...(h5Origin === undefined ? {} : { corsAllowOrigins: [h5Origin] }),
    wechatTemplateIds,
    ...(alarmEmail === undefined ? {} : { alarmEmail }),
    ...(customDomain === undefined ? {} : { customDomain }),
  };
}

/** An origin as a browser sends it: https, a host, maybe a port; no path, no trailing slash. */
const ORIGIN = /^https:\/\/[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?$/;
/** A host name of at least two labels, lower case (API Gateway stores domain names so). */
const DOMAIN_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
/** An ACM certificate ARN, in the commercial, China or GovCloud partition. */
const CERTIFICATE_ARN = /^arn:aws(-cn|-us-gov)?:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/;

function resolveCustomDomain(context: (key: string) => unknown): CustomDomainConfig | undefined {
  const domainName = context('domainName');
  const certificateArn = context('certificateArn');
  if (domainName === undefined && certificateArn === undefined) return undefined;
  if (typeof domainName !== 'string' || !DOMAIN_NAME.test(domainName)) {
    throw new Error(
      `-c domainName must be a lower-case host name such as api.example.cn, got ${JSON.stringify(domainName)}`,
    );
  }
  if (typeof certificateArn !== 'string' || !CERTIFICATE_ARN.test(certificateArn)) {
    throw new Error(
      `-c domainName needs -c certificateArn, the ACM certificate (same region) for ${domainName}, ` +
        `got ${JSON.stringify(certificateArn)}`,
    );
  }
  return { domainName, certificateArn };
}
