/**
 * The Linli CDK app. Stage-specific values come from infra/lib/stage-config.ts:
 *   npx cdk synth --app 'tsx infra/bin/app.ts' -c stage=dev
 *   npx cdk deploy --app 'tsx infra/bin/app.ts' -c stage=prod -c alarmEmail=ops@example.org --all
 */
import { addLinliStacks, createApp } from '../lib/linli-app';

addLinliStacks(createApp());
