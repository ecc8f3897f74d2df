import { Match } from 'aws-cdk-lib/assertions';
import { restoredTable } from '../../infra/lib/linli-app';
import { expectTemplate, synthLinli } from './synth';

const RESTORED = 'linli-dev-restored-202612040600';
const STREAM = `arn:aws-cn:dynamodb:cn-northwest-1:123456789012:table/${RESTORED}/stream/2026-12-04T06:10:00.000`;
const contextOf = (values: Record<string, unknown>) => (key: string) => values[key];

describe('switching to a restored table (docs/restore.md)', () => {
  it('points every function, grant and the notifier stream at the restored table, importing no table export', () => {
    const linli = synthLinli({
      stage: 'dev',
      region: 'cn-northwest-1',
      restoredTableName: RESTORED,
      restoredTableStreamArn: STREAM,
    });

    expectTemplate(linli.apiTemplate).allResourcesProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ TABLE_NAME: RESTORED }) },
    });
    expectTemplate(linli.apiTemplate).hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: STREAM,
    });
    const imports = JSON.stringify(linli.apiTemplate.toJSON()).match(/"Fn::ImportValue":"[^"]+"/g) ?? [];
    expect(imports.filter((name) => /Table/.test(name))).toEqual([]);
    // The secrets still come from the Data stack.
    expect(imports.length).toBeGreaterThan(0);
  });

  it('needs the stream ARN of that very table', () => {
    expect(() => restoredTable(contextOf({ restoredTableName: RESTORED }))).toThrow(/restoredTableStreamArn/);
    expect(() =>
      restoredTable(
        contextOf({ restoredTableName: RESTORED, restoredTableStreamArn: STREAM.replace(RESTORED, 'another-table') }),
      ),
    ).toThrow(/stream ARN of/);
    expect(restoredTable(contextOf({}))).toBeUndefined();
  });
});
