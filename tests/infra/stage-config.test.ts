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
    const config = resolveStageConfig(
      contextOf({ stage: 'prod', alarmEmail: 'ops@example.org', h5Origin: 'https://h5.linli.example.cn' }),
    );

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

  it('narrows CORS in prod to the H5 origin it is given, and refuses prod without one', () => {
    const prod = { stage: 'prod', alarmEmail: 'ops@example.org' };

    expect(
      resolveStageConfig(contextOf({ ...prod, h5Origin: 'https://h5.linli.example.cn' })).corsAllowOrigins,
    ).toEqual(['https://h5.linli.example.cn']);
    expect(() => resolveStageConfig(contextOf(prod))).toThrow(/-c h5Origin=/);
  });

  it('lets dev answer any origin unless an H5 origin is given', () => {
    expect(resolveStageConfig(contextOf({})).corsAllowOrigins).toEqual(['*']);
    expect(resolveStageConfig(contextOf({ h5Origin: 'https://h5-dev.example.cn:8443' })).corsAllowOrigins).toEqual([
      'https://h5-dev.example.cn:8443',
    ]);
  });

  it.each(['http://h5.example.cn', 'https://h5.example.cn/', 'https://h5.example.cn/app', '*', 'h5.example.cn'])(
    'refuses %s as an H5 origin',
    (h5Origin) => {
      expect(() => resolveStageConfig(contextOf({ h5Origin }))).toThrow(/https origin/);
    },
  );

  it('takes a custom domain with its certificate, in either partition', () => {
    const certificateArn =
      'arn:aws-cn:acm:cn-northwest-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666';

    expect(resolveStageConfig(contextOf({ domainName: 'api.linli.example.cn', certificateArn })).customDomain).toEqual({
      domainName: 'api.linli.example.cn',
      certificateArn,
    });
    expect(resolveStageConfig(contextOf({})).customDomain).toBeUndefined();
  });

  it('refuses a custom domain without a certificate, a certificate without a domain, and malformed ones', () => {
    const certificateArn = 'arn:aws:acm:ap-southeast-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666';

    expect(() => resolveStageConfig(contextOf({ domainName: 'api.linli.example.cn' }))).toThrow(
      /needs -c certificateArn/,
    );
    expect(() => resolveStageConfig(contextOf({ certificateArn }))).toThrow(/-c domainName must be/);
    expect(() => resolveStageConfig(contextOf({ domainName: 'https://api.example.cn', certificateArn }))).toThrow(
      /host name/,
    );
    expect(() =>
      resolveStageConfig(contextOf({ domainName: 'api.example.cn', certificateArn: 'arn:aws:iam::123456789012:x' })),
    ).toThrow(/ACM certificate/);
  });
});
