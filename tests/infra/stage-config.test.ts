import { RemovalPolicy } from 'aws-cdk-lib';
import { resolveStageConfig } from '../../infra/lib/stage-config';

const contextOf = (values: Record<string, unknown>) => (key: string) => values[key];

describe('stage config', () => {
  it('defaults to dev, which may be destroyed and needs no alarm recipient', () => {
    const config = resolveStageConfig(contextOf({}));

    expect(config).toMatchObject({ name: 'dev', removalPolicy: RemovalPolicy.DESTROY, deletionProtection: false });
    expect(config.alarmEmail).toBeUndefined();
  });

  it('keeps prod data and protects it from deletion', () => {
    const config = resolveStageConfig(contextOf({ stage: 'prod', alarmEmail: 'ops@example.org' }));

    expect(config).toMatchObject({
      name: 'prod',
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
      alarmEmail: 'ops@example.org',
    });
  });

  it('refuses prod without someone to receive its alarms', () => {
    expect(() => resolveStageConfig(contextOf({ stage: 'prod' }))).toThrow(/alarmEmail/);
  });

  it('refuses a stage it does not know and an alarm address that is not one', () => {
    expect(() => resolveStageConfig(contextOf({ stage: 'qa' }))).toThrow(/Unknown stage "qa"/);
    expect(() => resolveStageConfig(contextOf({ alarmEmail: 'ops' }))).toThrow(/e-mail/);
  });

  it('passes a Parameters and Secrets layer ARN through for regions aws-cdk-lib does not map', () => {
    const arn =
      'arn:aws-cn:lambda:cn-northwest-1:123456789012:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:1';

    expect(resolveStageConfig(contextOf({ paramsAndSecretsLayerArn: arn })).paramsAndSecretsLayerArn).toBe(arn);
    expect(() => resolveStageConfig(contextOf({ paramsAndSecretsLayerArn: 'layer' }))).toThrow(/layer version ARN/);
  });
});
