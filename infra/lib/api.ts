import { Duration, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { type RouteDef, type RouteDomain, toApiGatewayPath } from '../../shared/src/contract/route';
import { domainEntry } from '../../scripts/lib/function-bundles';
import { AppFunction } from './app-function';
import { pascalCase } from './names';
import { photoObjectArns } from './photos';
import type { StageConfig } from './stage-config';

export interface ApiProps {
  /** The route table; one route per entry, one function per `domain`. */
  readonly routes: readonly RouteDef[];
  readonly table: dynamodb.ITable;
  readonly jwtSigningKey: secretsmanager.ISecret;
  readonly wechatSecret: secretsmanager.ISecret;
  readonly throttle: StageConfig['throttle'];
  readonly corsAllowOrigins: readonly string[];
  readonly logLevel: StageConfig['logLevel'];
  readonly logRetention: logs.RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  /** The photo bucket, bound to the domains that issue uploads or show photos (PHOTO_DOMAINS). */
  readonly photoBucketName: string;
  /** Serves the API on this domain too, mapped at its root (no base path). */
  readonly customDomain?: StageConfig['customDomain'];
}

/** Request headers a browser may send: those the route table gives a meaning to. */
function allowedHeaders(routes: readonly RouteDef[]): string[] {
  return [
    'authorization',
    'content-type',
    ...(routes.some((route) => route.idempotent) ? ['idempotency-key'] : []),
    ...(routes.some((route) => route.actingFor) ? ['x-acting-for'] : []),
  ];
}

/** Reason for a route without an API Gateway authorizer (cdk-nag AwsSolutions-APIG4). */
function whyNoAuthorizer(route: RouteDef): string {
  if (route.roles === 'public') return `Route ${route.id} is public in the route table (roles: 'public').`;
  const who = route.roles === 'authenticated' ? 'a signed-in user' : `one of the roles ${route.roles.join(', ')}`;
  return (
    `Route ${route.id} needs ${who}; the function's auth middleware verifies the app-issued HS256 token. ` +
    'An API Gateway JWT authorizer would need an OIDC issuer with a JWKS endpoint, which this app does not have.'
  );
}

/**
 * The HTTP API: one route per entry of the route table, one function per domain, a `$default`
 * stage with throttling and JSON access logs.
 */
export class Api extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;
  /** The custom domain, when one was given. */
  readonly domainName?: apigw.DomainName;
  /** The function of each domain that has at least one route. */
  readonly functions: ReadonlyMap<RouteDomain, AppFunction>;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    const methods = [...new Set(props.routes.map((route) => route.method))];
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      apiName: Stack.of(this).stackName,
      description: 'Linli API',
      // The default stage cannot take throttling or access logs; ours below does.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...props.corsAllowOrigins],
        allowMethods: [...methods.map((method) => apigw.CorsHttpMethod[method]), apigw.CorsHttpMethod.OPTIONS],
        allowHeaders: allowedHeaders(props.routes),
        maxAge: Duration.hours(1),
      },
    });

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    if (props.customDomain !== undefined) {
      this.domainName = new apigw.DomainName(this, 'DomainName', {
        domainName: props.customDomain.domainName,
        certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
        endpointType: apigw.EndpointType.REGIONAL, // the only kind the China regions offer
        securityPolicy: apigw.SecurityPolicy.TLS_1_2,
      });
    }
    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      // The API mapping: the domain's root serves this stage, so paths stay as in the route table.
      ...(this.domainName === undefined ? {} : { domainMapping: { domainName: this.domainName } }),
      throttle: { rateLimit: props.throttle.rateLimit, burstLimit: props.throttle.burstLimit },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            responseLength: '$context.responseLength',
          }),
        ),
      },
    });

    const functions = new Map<RouteDomain, AppFunction>();
    for (const [domain, routes] of groupByDomain(props.routes)) {
      const fn = new AppFunction(this, `${pascalCase(domain)}Function`, {
        // functions/src/<domain>/lambda.ts, exporting `handler`
        entry: domainEntry(domain),
        description: `Linli ${domain}: ${routes.map((route) => route.id).join(', ')}`.slice(0, 256),
        serviceName: `linli-${domain}`,
        logLevel: props.logLevel,
        logRetention: props.logRetention,
        removalPolicy: props.removalPolicy,
        ...(DOMAIN_SIZING[domain] ?? {}),
      })
        .bindTable(props.table)
        .bindSecret('JWT_SECRET_ARN', props.jwtSigningKey)
        .bindSecret('WECHAT_SECRET_ARN', props.wechatSecret);
      if (PHOTO_DOMAINS.has(domain)) fn.bindPhotoBucket(props.photoBucketName, photoObjectArns(props.photoBucketName));
      functions.set(domain, fn);

      // One invoke permission for the whole API instead of one per route: a function serves
      // many routes and its resource policy has a size limit.
      const integration = new HttpLambdaIntegration(`${pascalCase(domain)}Integration`, fn.function, {
        scopePermissionToRoute: false,
      });
      for (const route of routes) {
        const [httpRoute] = this.httpApi.addRoutes({
          path: toApiGatewayPath(route.path),
          methods: [apigw.HttpMethod[route.method]],
          integration,
        });
        Validations.of(httpRoute!.node.defaultChild!).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: whyNoAuthorizer(route),
        });
      }
    }
    this.functions = functions;
  }

  /**
   * Base URL of the API without a trailing slash, so `url + route.path` is the request URL:
   * `https://<custom domain>` when there is one, else the execute-api host of the `$default`
   * stage (`HttpStage.url` ends in `/`). The URL suffix is the partition's (amazonaws.com.cn in China).
   */
  get url(): string {
    if (this.domainName !== undefined) return `https://${this.domainName.name}`;
    const { region, urlSuffix } = Stack.of(this);
    return `https://${this.httpApi.apiId}.execute-api.${region}.${urlSuffix}`;
  }
}

/**
 * Functions that need more than the defaults: the roster import parses a 2 MB file and applies
 * 5,000 rows in one confirm (it stops taking chunks after 20 s and reports progress, inside API
 * Gateway's 29 s), so it gets the memory (and with it the CPU) and the time for that.
 */
const DOMAIN_SIZING: Partial<Record<RouteDomain, { memorySize: number; timeout: Duration }>> = {
  roster: { memorySize: 1024, timeout: Duration.seconds(29) },
};

/** The domains that touch photo files: upload forms (photos), attaching and showing them (care, canteen). */
const PHOTO_DOMAINS: ReadonlySet<RouteDomain> = new Set(['photos', 'care', 'canteen']);

function groupByDomain(routes: readonly RouteDef[]): Map<RouteDomain, RouteDef[]> {
  const byDomain = new Map<RouteDomain, RouteDef[]>();
  for (const route of routes) {
    byDomain.set(route.domain, [...(byDomain.get(route.domain) ?? []), route]);
  }
  return byDomain;
}
