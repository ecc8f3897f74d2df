import * as path from 'node:path';
import { Duration, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { GSI } from '../../functions/src/table';
import {
  LAMBDA_BUNDLE_OPTIONS,
  lambdaEsbuildArgs,
  lambdaEsbuildCliFlags,
  separateBundleEntry,
  separateBundleFile,
  separatelyBundled,
} from '../../scripts/lib/function-bundles';

/** The repository root: esbuild resolves node_modules and tsconfig paths from here. */
export const REPO_ROOT = path.resolve(__dirname, '../..');

/** What the repositories do to items; TransactWriteItems is authorised through these too. */
const TABLE_ITEM_ACTIONS = [
  'GetItem',
  'BatchGetItem',
  'Query',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'ConditionCheckItem',
] as const;

/** POSIX shell quoting: CDK runs command hooks with `bash -c` (synth runs on Linux or macOS). */
const shellQuote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/**
 * afterBundling commands that build each separately bundled package of the function
 * (SEPARATELY_BUNDLED in scripts/lib/function-bundles.ts) into `node_modules/<package>/index.js`
 * beside its index.js: the esbuild CLI CDK itself resolves (node_modules/.bin), the benchmark's
 * flags, and no source map (exceljs's errors are caught and answered as ROSTER_FILE_UNREADABLE;
 * a map would only add to the first XLSX, as --enable-source-maps parses it at require).
 */
function separateBundleCommands(packages: readonly string[], inputDir: string, outputDir: string): string[] {
  const esbuild = path.join(inputDir, 'node_modules', '.bin', 'esbuild');
  return packages.map((pkg) =>
    [
      esbuild,
      path.join(inputDir, path.relative(REPO_ROOT, separateBundleEntry(pkg))),
      ...lambdaEsbuildCliFlags(),
      `--log-level=${LogLevel.WARNING}`,
      `--outfile=${path.join(outputDir, separateBundleFile(pkg))}`,
    ]
      .map(shellQuote)
      .join(' '),
  );
}

export interface AppFunctionProps {
  /** Absolute path of the module that exports the handler. */
  readonly entry: string;
  /** Exported name of the handler; `handler` unless said otherwise. */
  readonly handler?: string;
  /** POWERTOOLS_SERVICE_NAME: tells the logs of one function from another's. */
  readonly serviceName: string;
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  readonly logRetention: logs.RetentionDays;
  /** Of the log group. */
  readonly removalPolicy: RemovalPolicy;
  readonly description?: string;
  readonly memorySize?: number;
  readonly timeout?: Duration;
}

/**
 * A Lambda function with the project's defaults: Node 22 on ARM64; bundled by the local esbuild
 * with the options the benchmark measures (scripts/lib/function-bundles.ts) plus source maps;
 * its own log group with a retention; and a role that may write to its log group and nothing
 * else until something is bound to it. No layers, no X-Ray, no Lambda Insights: each is missing
 * or different in the China regions (docs/deploy.md), and the functions bundle what they use
 * (Powertools, the SDK clients) so the same code runs in the `aws` and `aws-cn` partitions.
 */
export class AppFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });

    // Our own role instead of the default one: the default attaches the AWS managed
    // AWSLambdaBasicExecutionRole, which may write to every log group of the account.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Linli ${props.serviceName} function`,
    });
    this.logGroup.grants.write(this.role);

    const separate = separatelyBundled(props.entry);

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: props.handler ?? 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      environment: {
        // Node parses a function's whole source map at require when source maps are on: measured
        // +45-60 ms on a 450 KB bundle's ~110 ms cold require. Only DEBUG stages (dev) pay that for
        // traces that point at the TypeScript; elsewhere traces point into index.js, and the map
        // shipped beside it decodes them (docs/deploy.md).
        ...(props.logLevel === 'DEBUG' ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        LOG_LEVEL: props.logLevel,
      },
      bundling: {
        // Packages bundled into their own file, loaded on first use (function-bundles.ts). This
        // replaces CDK's default externals, which are none anyway with bundleAwsSDK below.
        externalModules: [...separate],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) => separateBundleCommands(separate, inputDir, outputDir),
        },
        // esbuild from node_modules: synth needs no Docker.
        forceDockerBundling: false,
        logLevel: LogLevel.WARNING,
        target: LAMBDA_BUNDLE_OPTIONS.target as string,
        format: LAMBDA_BUNDLE_OPTIONS.format === 'esm' ? OutputFormat.ESM : OutputFormat.CJS,
        mainFields: LAMBDA_BUNDLE_OPTIONS.mainFields,
        minify: LAMBDA_BUNDLE_OPTIONS.minify,
        // Legal comments, the lazy-builtin aliases and import() as require(), as CLI flags.
        esbuildArgs: lambdaEsbuildArgs(),
        // The one difference from the benchmark: a map beside index.js, to read stack traces with.
        sourceMap: true,
        // The SDK version the tests ran against, not whichever the runtime ships.
        bundleAwsSDK: true,
      },
    });
    Validations.of(this.function.node.defaultChild!).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'The runtime is pinned to nodejs22.x on purpose: a runtime upgrade is a deliberate change ' +
        'that goes through the test suite, not something the linter decides.',
    });
  }

  /**
   * Sets TABLE_NAME and grants item reads and writes on the table and Query on its indexes.
   * Narrower than `table.grants.readWriteData()`: no Scan (never on a request path), no stream
   * reads, and the indexes by name instead of `index/*`. The table's AWS managed key needs no grant.
   */
  bindTable(table: dynamodb.ITable): this {
    this.function.addEnvironment('TABLE_NAME', table.tableName);
    iam.Grant.addToPrincipal({
      grantee: this.function,
      actions: TABLE_ITEM_ACTIONS.map((action) => `dynamodb:${action}`),
      resourceArns: [table.tableArn],
    });
    iam.Grant.addToPrincipal({
      grantee: this.function,
      actions: ['dynamodb:Query'],
      resourceArns: Object.values(GSI).map((index) => `${table.tableArn}/index/${index.name}`),
    });
    return this;
  }

  /**
   * Sets PHOTO_BUCKET and grants s3:PutObject and s3:GetObject on the given object ARNs only
   * (presigned uploads and links are signed with these rights; HeadObject and the copy of an
   * attached upload need no more). No list, no delete: unattached uploads expire by lifecycle.
   */
  bindPhotoBucket(bucketName: string, objectArns: readonly string[]): this {
    this.function.addEnvironment('PHOTO_BUCKET', bucketName);
    iam.Grant.addToPrincipal({
      grantee: this.function,
      actions: ['s3:PutObject', 's3:GetObject'],
      resourceArns: [...objectArns],
    });
    // The wildcard is the key under a prefix (each photo has its own key); named as cdk-nag names it.
    const policy = this.role.node.tryFindChild('DefaultPolicy')?.node.defaultChild;
    if (policy) {
      for (const arn of objectArns) {
        Validations.of(policy).acknowledge({
          id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(this).resolve(arn))}]`,
          reason:
            'Put and get of objects under one key prefix of the photo bucket: every photo has its own key ' +
            '(a ULID), so no narrower resource exists. No list, no delete, nothing outside the prefix.',
        });
      }
    }
    return this;
  }

  /** Sets `envName` to the secret's ARN and grants reading its value (functions/src/platform/secrets.ts). */
  bindSecret(envName: string, secret: secretsmanager.ISecret): this {
    this.function.addEnvironment(envName, secret.secretArn);
    secret.grantRead(this.function);
    return this;
  }
}
