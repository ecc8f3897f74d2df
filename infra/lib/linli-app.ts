import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, type AppProps, type Environment, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { routeList } from '../../shared/src/contract/routes';
import { ApiStack } from './api-stack';
import { DataStack } from './data-stack';
import { photoBucketName } from './photos';
import { resolveStageConfig, type StageConfig } from './stage-config';

/** The feature flags of infra/cdk.json, so every way of running the app sees the same ones. */
export function featureFlags(): Record<string, unknown> {
  const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return cdkJson.context;
}

/** An App with the project's feature flags; context given here (e.g. `stage`) is added to them. */
export function createApp(props: AppProps = {}): App {
  // Context from the CLI (-c, cdk.json) still wins over these.
  return new App({ ...props, context: { ...featureFlags(), ...props.context } });
}

/**
 * Where the stacks go, from `-c region=cn-northwest-1` (and optionally `-c account=…`). Without
 * them the stacks are environment-agnostic: every ARN and URL is built from AWS::Partition,
 * AWS::Region and AWS::URLSuffix at deploy time. With a region, CDK knows the partition
 * (`aws-cn` for cn-north-1 and cn-northwest-1) while synthesizing and writes it literally.
 */
export function deploymentEnvironment(context: (key: string) => unknown): Environment {
  const region = context('region');
  const account = context('account');
  if (region !== undefined && (typeof region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))) {
    throw new Error(`-c region must be a region name such as cn-northwest-1, got ${JSON.stringify(region)}`);
  }
  if (account !== undefined && (typeof account !== 'string' || !/^\d{12}$/.test(account))) {
    throw new Error(`-c account must be a 12-digit account id, got ${JSON.stringify(account)}`);
  }
  return { ...(region === undefined ? {} : { region }), ...(account === undefined ? {} : { account }) };
}

/**
 * A table restored from a backup that the functions should use instead of the Data stack's
 * table: `-c restoredTableName=… -c restoredTableStreamArn=…` (docs/restore.md). The stream ARN
 * is needed because the notifier reads the table's stream, which a restore does not copy.
 */
export interface RestoredTable {
  readonly tableName: string;
  readonly tableStreamArn: string;
}

export function restoredTable(context: (key: string) => unknown): RestoredTable | undefined {
  const tableName = context('restoredTableName');
  const tableStreamArn = context('restoredTableStreamArn');
  if (tableName === undefined && tableStreamArn === undefined) return undefined;
  if (typeof tableName !== 'string' || !/^[A-Za-z0-9_.-]{3,255}$/.test(tableName)) {
    throw new Error(`-c restoredTableName must be a DynamoDB table name, got ${JSON.stringify(tableName)}`);
  }
  const streamOfTable = new RegExp(
    `^arn:aws(-cn|-us-gov)?:dynamodb:[a-z0-9-]+:\\d{12}:table/${tableName.replace(/\./g, '\\.')}/stream/.+$`,
  );
  if (typeof tableStreamArn !== 'string' || !streamOfTable.test(tableStreamArn)) {
    throw new Error(
      `-c restoredTableName needs -c restoredTableStreamArn, the stream ARN of ${tableName} ` +
        `(aws dynamodb describe-table --query Table.LatestStreamArn), got ${JSON.stringify(tableStreamArn)}`,
    );
  }
  return { tableName, tableStreamArn };
}

export interface LinliStacks {
  readonly stage: StageConfig;
  readonly data: DataStack;
  readonly api: ApiStack;
}

/**
 * Adds the stacks of one stage to the app and runs cdk-nag (AwsSolutions) over it: any
 * unacknowledged finding, error or warning, fails the synthesis.
 */
export function addLinliStacks(app: App): LinliStacks {
  const context = (key: string): unknown => app.node.tryGetContext(key);
  const stage = resolveStageConfig(context);
  const env = deploymentEnvironment(context);

  const data = new DataStack(app, `Linli-${stage.name}-Data`, {
    env,
    stage,
    description: `Linli ${stage.name}: single DynamoDB table and secrets`,
  });
  const restored = restoredTable(context);
  const api = new ApiStack(app, `Linli-${stage.name}-Api`, {
    env,
    stage,
    description: `Linli ${stage.name}: HTTP API, functions and alarms`,
    routes: routeList,
    table: restored === undefined ? data.data.table : undefined,
    restoredTable: restored,
    jwtSigningKey: data.secrets.jwtSigningKey,
    wechatSecret: data.secrets.wechat,
    photoBucketName: photoBucketName(stage.name),
  });

  Tags.of(app).add('project', 'linli');
  Tags.of(app).add('stage', stage.name);
  // Acknowledged rules are also written into each resource's template Metadata (cdk_nag),
  // so the reasons travel with the deployed templates.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
  return { stage, data, api };
}
