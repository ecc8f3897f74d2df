import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, type AppProps, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { routeList } from '../../shared/src/contract/routes';
import { ApiStack } from './api-stack';
import { DataStack } from './data-stack';
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
  const stage = resolveStageConfig((key) => app.node.tryGetContext(key));

  const data = new DataStack(app, `Linli-${stage.name}-Data`, {
    stage,
    description: `Linli ${stage.name}: single DynamoDB table and secrets`,
  });
  const api = new ApiStack(app, `Linli-${stage.name}-Api`, {
    stage,
    description: `Linli ${stage.name}: HTTP API, functions and alarms`,
    routes: routeList,
    table: data.data.table,
    jwtSigningKey: data.secrets.jwtSigningKey,
    wechatSecret: data.secrets.wechat,
  });

  Tags.of(app).add('project', 'linli');
  Tags.of(app).add('stage', stage.name);
  // Acknowledged rules are also written into each resource's template Metadata (cdk_nag),
  // so the reasons travel with the deployed templates.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
  return { stage, data, api };
}
