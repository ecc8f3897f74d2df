import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { Template } from 'aws-cdk-lib/assertions';
import { addLinliStacks, createApp, type LinliStacks } from '../../infra/lib/linli-app';

export interface SynthesizedLinli extends LinliStacks {
  readonly app: ReturnType<typeof createApp>;
  readonly assembly: CloudAssembly;
  readonly dataTemplate: Template;
  readonly apiTemplate: Template;
}

/**
 * Builds and synthesizes the whole app exactly as infra/bin/app.ts does (feature flags of
 * infra/cdk.json, cdk-nag registered), with the given context, e.g. `{ stage: 'prod', alarmEmail }`.
 * Synthesis throws if cdk-nag reports an unacknowledged error.
 */
export function synthLinli(context: Record<string, unknown> = {}): SynthesizedLinli {
  const app = createApp({ context });
  const stacks = addLinliStacks(app);
  const assembly = app.synth();
  return {
    ...stacks,
    app,
    assembly,
    dataTemplate: Template.fromStack(stacks.data),
    apiTemplate: Template.fromStack(stacks.api),
  };
}

type Resources = Record<string, { Type: string; Properties?: Record<string, any>; DeletionPolicy?: string }>;

/** The resources of one type in a template, by logical id. */
export function resourcesOfType(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}

/** The template itself: wraps `template.hasResource…` calls so they read (and lint) as assertions. */
export function expectTemplate(template: Template): Template {
  return template;
}

/** What a prod deployment must name: who receives the alarms, the one origin CORS allows. */
export const PROD_CONTEXT = {
  stage: 'prod',
  alarmEmail: 'ops@example.org',
  h5Origin: 'https://h5.linli.example.cn',
} as const;

/** An ACM certificate ARN in the China (Ningxia) region, for the custom-domain cases. */
export const NINGXIA_CERTIFICATE_ARN =
  'arn:aws-cn:acm:cn-northwest-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666';

/** Prod in AWS China (Ningxia), partition aws-cn, on its own filed domain. */
export const NINGXIA_PROD_CONTEXT = {
  ...PROD_CONTEXT,
  region: 'cn-northwest-1',
  domainName: 'api.linli.example.cn',
  certificateArn: NINGXIA_CERTIFICATE_ARN,
} as const;
