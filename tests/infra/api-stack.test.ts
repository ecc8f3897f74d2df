import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { toApiGatewayPath } from '../../shared/src/contract/route';
import { routeList } from '../../shared/src/contract/routes';
import { subscriptions } from '../../functions/src/subscriptions';
import { bundle, domainEntry, separateBundleFile } from '../../scripts/lib/function-bundles';
import { STAGES } from '../../infra/lib/stage-config';
import { API_LATENCY_P99_ALARM_MS, ITERATOR_AGE_ALARM_MS } from '../../infra/lib/monitoring';
import { platformKey } from '../../functions/src/platform/table-items';
import { expectTemplate, PROD_CONTEXT, resourcesOfType, synthLinli, type SynthesizedLinli } from './synth';

const domains = [...new Set(routeList.map((route) => route.domain))];
/**
 * API functions (one per domain), one function per outbox subscriber (the notifier, points
 * credits) each reading the table's stream, and the daily reminders.
 */
const functionCount = domains.length + subscriptions.length + 1;

describe('api stack', () => {
  let dev: SynthesizedLinli;
  let prodApi: Template | undefined;
  /** The prod stage's Api template, synthesized once for the tests that need it. */
  const prod = () => (prodApi ??= synthLinli(PROD_CONTEXT).apiTemplate);

  beforeAll(() => {
    dev = synthLinli({ stage: 'dev' });
  });

  /** Logical id of the function whose POWERTOOLS_SERVICE_NAME names the domain. */
  function functionOf(domain: string): string {
    const functions = resourcesOfType(dev.apiTemplate, 'AWS::Lambda::Function');
    const ids = Object.entries(functions)
      .filter(([, fn]) => fn.Properties?.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === `linli-${domain}`)
      .map(([id]) => id);
    expect(ids).toHaveLength(1);
    return ids[0]!;
  }

  it('deploys the bytes the benchmark measures: the same esbuild output, lazy stream/web included', async () => {
    const fn = resourcesOfType(dev.apiTemplate, 'AWS::Lambda::Function')[functionOf('community')]!;
    const assetHash = String(fn.Properties?.Code?.S3Key).replace(/\.zip$/, '');
    const deployed = readFileSync(join(dev.assembly.directory, `asset.${assetHash}`, 'index.js'), 'utf8');
    const measuredFile = join(mkdtempSync(join(tmpdir(), 'linli-bundle-')), 'community.js');
    await bundle(domainEntry('community'), measuredFile);
    // CDK adds source maps (the one intended difference): drop the map's comment line.
    const withoutMapComment = deployed.replace(/\n\/\/# sourceMappingURL=index\.js\.map\n?$/, '\n');
    // Not toBe: a mismatch would print half a megabyte of minified code.
    expect(withoutMapComment === readFileSync(measuredFile, 'utf8')).toBe(true);
    // middy's web-streams import goes through the lazy stand-in (scripts/lib/bundle-shims).
    expect(deployed).toContain('require("stream/web")');
    expect(deployed).not.toContain('require("node:stream/web")');
  });

  it('deploys the roster function without exceljs, which sits in its own file beside it, as the benchmark builds it', async () => {
    const fn = resourcesOfType(dev.apiTemplate, 'AWS::Lambda::Function')[functionOf('roster')]!;
    const asset = join(dev.assembly.directory, `asset.${String(fn.Properties?.Code?.S3Key).replace(/\.zip$/, '')}`);
    const deployedIndex = readFileSync(join(asset, 'index.js'), 'utf8');
    const deployedExceljs = join(asset, separateBundleFile('exceljs'));
    expect(existsSync(deployedExceljs)).toBe(true);
    // Built, not npm-installed: no package.json or lock file for an install in the asset.
    expect(existsSync(join(asset, 'package.json'))).toBe(false);
    expect(existsSync(join(asset, 'package-lock.json'))).toBe(false);
    // The function only names it, through require (not import(), whose ESM loader would miss
    // the bundle's named exports); exceljs's own code (its XML part names) is not inside.
    expect(deployedIndex).toContain('require("exceljs")');
    expect(deployedIndex).not.toContain('import("exceljs")');
    expect(deployedIndex).not.toContain('xl/workbook.xml');
    expect(readFileSync(deployedExceljs, 'utf8')).toContain('xl/workbook.xml');

    const measuredIndex = join(mkdtempSync(join(tmpdir(), 'linli-bundle-')), 'index.js');
    const measured = await bundle(domainEntry('roster'), measuredIndex);
    expect(measured.separate.map((s) => s.pkg)).toEqual(['exceljs']);
    const withoutMapComment = deployedIndex.replace(/\n\/\/# sourceMappingURL=index\.js\.map\n?$/, '\n');
    // Not toBe / toEqual: a mismatch would print megabytes of minified code.
    expect(withoutMapComment === readFileSync(measuredIndex, 'utf8')).toBe(true);
    expect(readFileSync(deployedExceljs).equals(readFileSync(measured.separate[0]!.file))).toBe(true);
  });

  it('reads an XLSX through the exceljs file the deployed roster function resolves', async () => {
    const fn = resourcesOfType(dev.apiTemplate, 'AWS::Lambda::Function')[functionOf('roster')]!;
    const index = join(
      dev.assembly.directory,
      `asset.${String(fn.Properties?.Code?.S3Key).replace(/\.zip$/, '')}`,
      'index.js',
    );
    const workbook = new Workbook();
    workbook.addWorksheet('台账').addRow(['楼号', '门牌号', '居民姓名', '出生日期']);
    workbook.getWorksheet('台账')!.addRow(['1号楼', 302, '王桂芳', new Date(Date.UTC(1956, 3, 12))]);
    const xlsx = join(mkdtempSync(join(tmpdir(), 'linli-xlsx-')), '台账.xlsx');
    writeFileSync(xlsx, Buffer.from(await workbook.xlsx.writeBuffer()));

    // A fresh node, as a cold Lambda: load the function (which must not load exceljs), then
    // require exceljs from the function's own file as its `require("exceljs")` does, and read.
    const script = `
      const index = ${JSON.stringify(index)};
      require(index);
      const loadedAtStart = Object.keys(require.cache).filter((f) => f.includes('exceljs'));
      const resolved = require('node:module').createRequire(index).resolve('exceljs');
      const { Workbook } = require('node:module').createRequire(index)('exceljs');
      const workbook = new Workbook();
      workbook.xlsx.load(require('node:fs').readFileSync(${JSON.stringify(xlsx)})).then(() => {
        const rows = [];
        workbook.worksheets[0].eachRow((row) => rows.push(row.values.slice(1)));
        process.stdout.write(JSON.stringify({ loadedAtStart, resolved, rows }));
      });`;
    const out = spawnSync(process.execPath, ['-e', script], {
      env: {
        PATH: process.env.PATH,
        TABLE_NAME: 'infra',
        AWS_REGION: 'cn-northwest-1',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      encoding: 'utf8',
    });
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual({
      loadedAtStart: [],
      resolved: join(index, '..', separateBundleFile('exceljs')),
      rows: [
        ['楼号', '门牌号', '居民姓名', '出生日期'],
        ['1号楼', 302, '王桂芳', '1956-04-12T00:00:00.000Z'],
      ],
    });
  });

  it('creates one function per domain of the route table, Node 22 on ARM64', () => {
    expectTemplate(dev.apiTemplate).resourceCountIs('AWS::Lambda::Function', functionCount);
    for (const domain of [...domains, ...subscriptions.map((x) => x.name), 'reminders']) {
      const fn = resourcesOfType(dev.apiTemplate, 'AWS::Lambda::Function')[functionOf(domain)]!;
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
      });
    }
  });

  it('gives every API function the JWT key, and those that talk to WeChat its secret', () => {
    const functions = resourcesOfType(dev.apiTemplate, 'AWS::Lambda::Function');
    for (const domain of domains) {
      expect(functions[functionOf(domain)]!.Properties!.Environment.Variables.JWT_SECRET_ARN).toBeDefined();
    }
    for (const name of [...domains, 'notifier']) {
      expect(functions[functionOf(name)]!.Properties!.Environment.Variables.WECHAT_SECRET_ARN).toBeDefined();
    }
  });

  it('turns source maps on at runtime only in the DEBUG stage: in prod a cold start does not parse the map', () => {
    expectTemplate(prod()).allResourcesProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ LOG_LEVEL: 'INFO', NODE_OPTIONS: Match.absent() }) },
    });
  });

  it('gives every function the table, source maps and the log level', () => {
    expectTemplate(dev.apiTemplate).allResourcesProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: Match.anyValue(),
          POWERTOOLS_SERVICE_NAME: Match.stringLikeRegexp('^linli-'),
          LOG_LEVEL: STAGES.dev.logLevel,
          NODE_OPTIONS: '--enable-source-maps',
        }),
      },
      // No layer: secrets are read with one signed GetSecretValue call, which works in the China regions too.
      Layers: Match.absent(),
      TracingConfig: Match.absent(),
      LoggingConfig: { LogGroup: Match.anyValue() },
    });
  });

  it('gives every function a log group with the stage retention', () => {
    expectTemplate(dev.apiTemplate).resourcePropertiesCountIs(
      'AWS::Logs::LogGroup',
      { RetentionInDays: 7 },
      functionCount + 1, // + the API access logs
    );
  });

  it('grants the functions item access to the table and Query on its indexes, but no Scan', () => {
    const policies = Object.values(resourcesOfType(dev.apiTemplate, 'AWS::IAM::Policy'));
    expect(policies).toHaveLength(functionCount);
    let readingSecrets = 0;
    for (const policy of policies) {
      const actions = (policy.Properties!.PolicyDocument.Statement as { Action: string | string[] }[]).flatMap(
        (statement) => statement.Action,
      );
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']));
      if (actions.includes('secretsmanager:GetSecretValue')) readingSecrets += 1;
      expect(actions).not.toContain('dynamodb:Scan');
      expect(JSON.stringify(policy.Properties!.PolicyDocument)).not.toContain('/index/*');
    }
    // Every function but the reminder job and the points credits, which read no secret.
    expect(readingSecrets).toBe(functionCount - 2);
  });

  it('lets only the photo, care and canteen functions put and get photos, under the two key prefixes only', () => {
    const photoGrants = Object.values(resourcesOfType(dev.apiTemplate, 'AWS::IAM::Policy')).flatMap((policy) =>
      (policy.Properties!.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]).filter(
        (statement) => JSON.stringify(statement.Action).includes('s3:'),
      ),
    );
    expect(photoGrants).toHaveLength(3);
    for (const grant of photoGrants) {
      expect([grant.Action].flat().sort()).toEqual(['s3:GetObject', 's3:PutObject']);
      const resources = JSON.stringify(grant.Resource);
      expect(resources).toContain('/uploads/*');
      expect(resources).toContain('/photos/*');
      expect((grant.Resource as unknown[]).length).toBe(2);
    }
    const functions = resourcesOfType(dev.apiTemplate, 'AWS::Lambda::Function');
    const withBucket = ['photos', 'care', 'canteen'].map(
      (domain) => functions[functionOf(domain)]!.Properties!.Environment.Variables.PHOTO_BUCKET,
    );
    expect(withBucket.every((name) => name !== undefined)).toBe(true);
    expect(functions[functionOf('council')]!.Properties!.Environment.Variables.PHOTO_BUCKET).toBeUndefined();
  });

  it('has an API route for every entry of the route table, served by the function of its domain', () => {
    const routes = Object.values(resourcesOfType(dev.apiTemplate, 'AWS::ApiGatewayV2::Route'));
    const integrations = resourcesOfType(dev.apiTemplate, 'AWS::ApiGatewayV2::Integration');

    for (const route of routeList) {
      const routeKey = `${route.method} ${toApiGatewayPath(route.path)}`;
      const matches = routes.filter((r) => r.Properties!.RouteKey === routeKey);
      expect({ route: route.id, routeKey, count: matches.length }).toEqual({ route: route.id, routeKey, count: 1 });

      const integrationId = matches[0]!.Properties!.Target['Fn::Join'][1][1].Ref as string;
      expect(integrations[integrationId]!.Properties).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': [functionOf(route.domain), 'Arn'] },
      });
    }
  });

  it('has no route that the route table does not list', () => {
    const routeKeys = Object.values(resourcesOfType(dev.apiTemplate, 'AWS::ApiGatewayV2::Route')).map(
      (r) => r.Properties!.RouteKey as string,
    );
    expect(routeKeys.sort()).toEqual(routeList.map((r) => `${r.method} ${toApiGatewayPath(r.path)}`).sort());
  });

  it('throttles the default stage with the stage limits and writes JSON access logs', () => {
    expectTemplate(dev.apiTemplate).resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    expectTemplate(dev.apiTemplate).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: STAGES.dev.throttle.rateLimit,
        ThrottlingBurstLimit: STAGES.dev.throttle.burstLimit,
      },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
        Format: Match.serializedJson(Match.objectLike({ requestId: '$context.requestId', status: '$context.status' })),
      },
    });
  });

  it('answers CORS preflights in prod from the H5 origin only', () => {
    expectTemplate(prod()).hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: [PROD_CONTEXT.h5Origin] }),
    });
    expectTemplate(prod()).hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: PROD_CONTEXT.alarmEmail,
    });
  });

  it('outputs an API base URL without a trailing slash, built from the partition URL suffix', () => {
    expectTemplate(dev.apiTemplate).hasOutput('ApiUrl', {
      Value: {
        'Fn::Join': [
          '',
          [
            'https://',
            { Ref: Match.anyValue() },
            '.execute-api.',
            { Ref: 'AWS::Region' },
            '.',
            { Ref: 'AWS::URLSuffix' },
          ],
        ],
      },
    });
    expectTemplate(dev.apiTemplate).resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
  });

  it('answers CORS preflights for the methods and headers the route table uses', () => {
    expectTemplate(dev.apiTemplate).hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: {
        AllowOrigins: [...STAGES.dev.corsAllowOrigins],
        AllowMethods: Match.arrayWith([...new Set(routeList.map((r) => r.method))]),
        AllowHeaders: [
          'authorization',
          'content-type',
          ...(routeList.some((r) => r.idempotent) ? ['idempotency-key'] : []),
          ...(routeList.some((r) => r.actingFor) ? ['x-acting-for'] : []),
        ],
      },
    });
  });

  it('alarms on API 5xx, on errors and throttles of every function and on table throttles', () => {
    const alarms = Object.values(resourcesOfType(dev.apiTemplate, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties!);
    const metricNames = alarms.map((a) => a.MetricName ?? 'expression');

    expect(metricNames.filter((name) => name === '5xx')).toHaveLength(1);
    expect(metricNames.filter((name) => name === 'Errors')).toHaveLength(functionCount);
    expect(metricNames.filter((name) => name === 'Throttles')).toHaveLength(functionCount);
    // One dead-letter queue per outbox subscriber, and the reminder schedule's.
    expect(metricNames.filter((name) => name === 'ApproximateNumberOfMessagesVisible')).toHaveLength(
      subscriptions.length + 1,
    );

    const tableThrottles = alarms.filter((a) => a.Metrics !== undefined);
    expect(tableThrottles).toHaveLength(1);
    const tableMetrics = (tableThrottles[0]!.Metrics as { MetricStat?: { Metric: { MetricName: string } } }[])
      .flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric.MetricName] : []))
      .sort();
    expect(new Set(tableMetrics)).toEqual(new Set(['ReadThrottleEvents', 'WriteThrottleEvents']));
  });

  it('alarms when the notifier falls behind the table stream', () => {
    expectTemplate(dev.apiTemplate).hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'IteratorAge',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionOf('notifier') } }],
      Statistic: 'Maximum',
      Threshold: ITERATOR_AGE_ALARM_MS,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('alarms when the API p99 latency stays high for three periods, not on one slow request', () => {
    expectTemplate(dev.apiTemplate).hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Latency',
      ExtendedStatistic: 'p99',
      Threshold: API_LATENCY_P99_ALARM_MS,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
    });
  });

  it('has a dashboard with requests, errors, p99 per function, stream age, dead letters and consumed capacity', () => {
    const dashboards = Object.values(resourcesOfType(dev.apiTemplate, 'AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]!.Properties!.DashboardBody);

    for (const title of [
      'API requests',
      'API errors',
      'API latency',
      'Errors per function',
      'p99 duration per function',
      'Stream iterator age',
      'Dead-letter queue depth',
      'Table consumed capacity',
    ]) {
      expect(body).toContain(`\\"title\\":\\"${title}\\"`);
    }
    for (const metric of ['ConsumedReadCapacityUnits', 'ConsumedWriteCapacityUnits', 'IteratorAge', 'Count', '5xx']) {
      expect(body).toContain(`\\"${metric}\\"`);
    }
    // One p99 duration line per function.
    expect(body.match(/\\"Duration\\"/g)).toHaveLength(functionCount);
    expect(body.match(/\\"stat\\":\\"p99\\"/g)!.length).toBeGreaterThanOrEqual(functionCount + 1);
  });

  it('sends every alarm to the alarm topic', () => {
    expectTemplate(dev.apiTemplate).allResourcesProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [{ Ref: Match.stringLikeRegexp('AlarmTopic') }],
      OKActions: [{ Ref: Match.stringLikeRegexp('AlarmTopic') }],
    });
  });

  it('refuses publishing to the alarm topic without TLS and lets only CloudWatch of this account publish', () => {
    expectTemplate(dev.apiTemplate).hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 'sns:Publish',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }),
          }),
        ]),
      },
    });
  });

  it('subscribes nobody to the alarms in dev without an e-mail', () => {
    expectTemplate(dev.apiTemplate).resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('drives the notifier from the table stream: outbox inserts only, bisecting bad batches, dead letters to SQS', () => {
    expectTemplate(dev.apiTemplate).hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionOf('notifier') },
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: Match.anyValue(),
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [{ Pattern: Match.serializedJson(Match.objectLike({ eventName: ['INSERT'] })) }],
      },
    });
    expectTemplate(dev.apiTemplate).hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
  });

  it('gives points credits their own event source, filtered to confirmed deliveries and fulfilled wishes, and their own dead letters', () => {
    const mappings = resourcesOfType(dev.apiTemplate, 'AWS::Lambda::EventSourceMapping');
    const credits = Object.values(mappings).filter(
      (m) => JSON.stringify(m.Properties?.FunctionName) === JSON.stringify({ Ref: functionOf('points-credits') }),
    );
    expect(credits).toHaveLength(1);
    const props = credits[0]!.Properties!;
    expect(props.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(JSON.parse(props.FilterCriteria.Filters[0].Pattern)).toEqual({
      eventName: ['INSERT'],
      dynamodb: {
        Keys: { pk: { S: [{ prefix: platformKey.outboxPrefix }] } },
        NewImage: { eventType: { S: ['canteen.delivery_confirmed', 'care.wish_fulfilled'] } },
      },
    });
    const notifier = Object.values(mappings).find(
      (m) => JSON.stringify(m.Properties?.FunctionName) === JSON.stringify({ Ref: functionOf('notifier') }),
    )!;
    expect(props.DestinationConfig.OnFailure.Destination).not.toEqual(
      notifier.Properties!.DestinationConfig.OnFailure.Destination,
    );
    expectTemplate(dev.apiTemplate).resourceCountIs('AWS::SQS::Queue', subscriptions.length + 1); // + reminders
  });

  it('runs the reminder job daily at 18:00 Asia/Shanghai, with a dead-letter queue for runs that cannot start', () => {
    expectTemplate(dev.apiTemplate).hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 10 * * ? *)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [functionOf('reminders'), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ReminderDeadLetters'), 'Arn'] } },
        }),
      ],
    });
    // EventBridge may send to that queue, and only for this rule.
    expectTemplate(dev.apiTemplate).hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 'sqs:SendMessage',
            Principal: { Service: 'events.amazonaws.com' },
            Condition: { ArnEquals: { 'aws:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });
});
