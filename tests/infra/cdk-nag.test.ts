import * as fs from 'node:fs';
import * as path from 'node:path';
import { CfnResource, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks } from 'cdk-nag';
import { addLinliStacks, createApp } from '../../infra/lib/linli-app';
import { NINGXIA_PROD_CONTEXT, PROD_CONTEXT, synthLinli, type SynthesizedLinli } from './synth';

/** Rules we acknowledge somewhere, each with its reason next to the construct. */
const ACKNOWLEDGEABLE_RULES = [
  'AwsSolutions-APIG4',
  'AwsSolutions-L1',
  'AwsSolutions-SMG4',
  'AwsSolutions-SNS2',
  'AwsSolutions-SQS3',
  'AwsSolutions-IAM5[Resource::*]',
  'AwsSolutions-S1',
];

/** Put/get under one key prefix of the photo bucket (app-function.ts bindPhotoBucket): the only other IAM5. */
const PHOTO_PREFIX_GRANT =
  /^AwsSolutions-IAM5\[Resource::arn:<AWS::Partition>:s3:::linli-[a-z]+-photos-<AWS::AccountId>-<AWS::Region>\/(uploads|photos)\/\*\]$/;

interface ReportJson {
  pluginReports: {
    pluginName: string;
    violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

/** Every finding of every validation plugin (cdk-nag, CloudFormation rules, annotations), one line each. */
function findingsInReport(linli: SynthesizedLinli): string[] {
  const file = path.join(linli.assembly.directory, 'validation-report.json');
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as ReportJson;
  return report.pluginReports.flatMap((plugin) =>
    plugin.violations.flatMap((violation) =>
      violation.violatingConstructs.map(
        (construct) => `${plugin.pluginName} ${violation.severity} ${violation.ruleName} at ${construct.constructPath}`,
      ),
    ),
  );
}

interface Acknowledgment {
  path: string;
  id: string;
  reason: unknown;
  onCfnResource: boolean;
}

function acknowledgments(linli: SynthesizedLinli): Acknowledgment[] {
  return linli.app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, unknown>).map(([id, reason]) => ({
          path: construct.node.path,
          // Acknowledged ids are stored with their plugin namespace: `AwsSolutions::AwsSolutions-L1`.
          id: id.replace(/^[^:]+::/, ''),
          reason,
          onCfnResource: CfnResource.isCfnResource(construct),
        })),
      ),
  );
}

describe.each<[string, Record<string, unknown>]>([
  ['dev', { stage: 'dev' }],
  ['prod', PROD_CONTEXT],
  ['prod AWS China (Ningxia) with a custom domain', NINGXIA_PROD_CONTEXT],
])('cdk-nag AwsSolutions over the %s app', (_stage, context) => {
  let linli: SynthesizedLinli;

  beforeAll(() => {
    // Throws if cdk-nag reports an error nobody acknowledged.
    linli = synthLinli(context);
  });

  it('leaves no finding in the validation report: no error, no warning, from any plugin', () => {
    expect(fs.existsSync(path.join(linli.assembly.directory, 'validation-report.json'))).toBe(true);
    expect(findingsInReport(linli)).toEqual([]);
  });

  it('finds no unacknowledged error or warning when the pack is run over the tree directly', () => {
    const report = new AwsSolutionsChecks().validateScope(linli.app);
    const findings = report.violations.map(
      (v) => `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(findings).toEqual([]);
  });

  it('leaves no warning or error annotation on any stack', () => {
    for (const stack of [linli.data, linli.api]) {
      expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
      expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
    }
  });

  it('gives every acknowledgment a reason and puts it on the CloudFormation resource it concerns', () => {
    const acks = acknowledgments(linli);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect({ ...ack, reasonLength: String(ack.reason).trim().length >= 20 }).toEqual({
        ...ack,
        reason: expect.any(String),
        reasonLength: true,
        onCfnResource: true,
      });
      if (!PHOTO_PREFIX_GRANT.test(ack.id)) expect(ACKNOWLEDGEABLE_RULES).toContain(ack.id);
    }
  });
});

describe('cdk-nag wiring', () => {
  it('fails the synthesis when a rule is broken and nobody acknowledged it', () => {
    const app = createApp({ context: { stage: 'dev' } });
    const { api } = addLinliStacks(app);
    new sns.Topic(api, 'UnguardedTopic'); // no TLS enforcement (SNS3), no encryption (SNS2)

    expect(() => app.synth()).toThrow(/AwsSolutions-SNS3/);
  });

  it('fails the synthesis on an unacknowledged warning too', () => {
    const app = createApp({ context: { stage: 'dev' } });
    const { data } = addLinliStacks(app);
    new dynamodb.Table(data, 'TableWithoutRecovery', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    }); // no point-in-time recovery: AwsSolutions-DDB3 is a warning

    expect(() => app.synth()).toThrow(/WARNING[^]*AwsSolutions-DDB3/);
  });
});
