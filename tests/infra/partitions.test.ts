import * as fs from 'node:fs';
import * as path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { deploymentEnvironment } from '../../infra/lib/linli-app';
import {
  expectTemplate,
  NINGXIA_CERTIFICATE_ARN,
  NINGXIA_PROD_CONTEXT,
  PROD_CONTEXT,
  synthLinli,
  type SynthesizedLinli,
} from './synth';

/** Every template of the app as one string, to look for ARNs of the wrong partition. */
function templatesText(linli: SynthesizedLinli): string {
  return JSON.stringify([linli.dataTemplate.toJSON(), linli.apiTemplate.toJSON()]);
}

/** Infra sources (.ts) under a directory, recursively. */
function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'cdk.out' ? [] : sourcesUnder(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the app in both partitions', () => {
  let ningxia: SynthesizedLinli;
  let singapore: SynthesizedLinli;

  beforeAll(() => {
    ningxia = synthLinli(NINGXIA_PROD_CONTEXT);
    singapore = synthLinli({ ...PROD_CONTEXT, region: 'ap-southeast-1' });
  });

  it('synthesizes for AWS China (Ningxia) with partition aws-cn and no ARN of the aws partition', () => {
    expect(ningxia.api.region).toBe('cn-northwest-1');
    expect(ningxia.api.partition).toBe('aws-cn');
    const text = templatesText(ningxia);

    expect(text).not.toContain('arn:aws:');
    expect(text).toContain('arn:aws-cn:');
  });

  it('synthesizes for a commercial region with partition aws and no ARN of the China partition', () => {
    expect(singapore.api.partition).toBe('aws');
    const text = templatesText(singapore);

    expect(text).not.toContain('arn:aws-cn:');
    expect(text).toContain('arn:aws:');
  });

  it('uses no Lambda layer, X-Ray tracing or Lambda Insights, which the China regions lack or differ in', () => {
    for (const linli of [ningxia, singapore]) {
      expectTemplate(linli.apiTemplate).allResourcesProperties('AWS::Lambda::Function', {
        Layers: Match.absent(),
        TracingConfig: Match.absent(),
      });
      expectTemplate(linli.apiTemplate).resourceCountIs('AWS::Lambda::LayerVersion', 0);
      expect(Object.keys(linli.apiTemplate.toJSON().Mappings ?? {})).toEqual([]);
    }
  });

  it('writes no ARN with a literal partition in the infra sources', () => {
    const offenders = sourcesUnder(path.resolve(__dirname, '../../infra')).filter((file) =>
      /arn:aws(-cn)?:/.test(fs.readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('serves the API on the filed custom domain, mapped at its root, with TLS 1.2 and a regional endpoint', () => {
    expectTemplate(ningxia.apiTemplate).hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: NINGXIA_PROD_CONTEXT.domainName,
      DomainNameConfigurations: [
        { CertificateArn: NINGXIA_CERTIFICATE_ARN, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' },
      ],
    });
    expectTemplate(ningxia.apiTemplate).resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    expectTemplate(ningxia.apiTemplate).hasResource('AWS::ApiGatewayV2::ApiMapping', {
      Properties: {
        ApiId: { Ref: Match.stringLikeRegexp('HttpApi') },
        DomainName: { Ref: Match.stringLikeRegexp('DomainName') },
        Stage: '$default',
        ApiMappingKey: Match.absent(),
      },
      DependsOn: Match.arrayWith([Match.stringLikeRegexp('DefaultStage')]),
    });
  });

  it('outputs the custom domain as the API base URL, without a trailing slash, and the CNAME target', () => {
    expectTemplate(ningxia.apiTemplate).hasOutput('ApiUrl', {
      Value: { 'Fn::Join': ['', ['https://', { Ref: Match.stringLikeRegexp('DomainName') }]] },
    });
    expectTemplate(ningxia.apiTemplate).hasOutput('ApiDomainTarget', {
      Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('DomainName'), 'RegionalDomainName'] },
    });
  });

  it('reads the target region and account from the context, and refuses malformed ones', () => {
    const contextOf = (values: Record<string, unknown>) => (key: string) => values[key];

    expect(deploymentEnvironment(contextOf({}))).toEqual({});
    expect(deploymentEnvironment(contextOf({ region: 'cn-northwest-1', account: '123456789012' }))).toEqual({
      region: 'cn-northwest-1',
      account: '123456789012',
    });
    expect(() => deploymentEnvironment(contextOf({ region: 'ningxia' }))).toThrow(/region name/);
    expect(() => deploymentEnvironment(contextOf({ account: '1234' }))).toThrow(/12-digit/);
  });
});
