/**
 * The import boundaries and the one-declaration-per-key rule in eslint.config.mjs fail on
 * deliberate violations. Each fixture in
 * tests/fixtures/import-boundaries names the path it is linted as; `allowed-*` fixtures must pass.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const fixtures = join(root, 'tests', 'fixtures', 'import-boundaries');
const all = readdirSync(fixtures).filter((f) => f.endsWith('.fixture'));
const violations = all.filter((f) => !f.startsWith('allowed-'));
const allowed = all.filter((f) => f.startsWith('allowed-'));

let results: Record<string, { ruleId: string | null; message: string }[]>;
beforeAll(() => {
  const json = execFileSync(
    process.execPath,
    [join(root, 'tests', 'helpers', 'lint-as.mjs'), ...all.map((f) => join(fixtures, f))],
    { cwd: root, encoding: 'utf8' },
  );
  results = JSON.parse(json);
}, 60_000);

const restricted = (fixture: string) =>
  results[fixture]!.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map(
    (m) => m.message,
  );

describe('import boundaries', () => {
  it('has a fixture for each boundary', () => {
    expect(violations.sort()).toEqual([
      'feature-imports-internals.ts.fixture',
      'function-imports-merged-errors.ts.fixture',
      'key-spelled-in-repository.ts.fixture',
      'key-spelled-in-test.ts.fixture',
      'miniapp-imports-functions.tsx.fixture',
      'platform-imports-feature.ts.fixture',
      'shared-imports-functions.ts.fixture',
      'shared-imports-miniapp.ts.fixture',
    ]);
  });

  it.each(violations)('fails lint on %s', (fixture) => {
    expect(restricted(fixture)).toHaveLength(1);
  });

  it('says why: a feature is reached through its index.ts', () => {
    expect(restricted('feature-imports-internals.ts.fixture')[0]).toMatch(/public index\.ts/);
  });

  it('says why: a function bundles only the error tables it declares', () => {
    expect(restricted('function-imports-merged-errors.ts.fixture')[0]).toMatch(/@linli\/shared\/domain-error/);
  });

  it("says why: a key is spelled only in its feature's items.ts", () => {
    expect(restricted('key-spelled-in-repository.ts.fixture')[0]).toMatch(/declared once, in the feature's items\.ts/);
    expect(restricted('key-spelled-in-test.ts.fixture')[0]).toMatch(/use its builder/);
  });

  it.each(allowed)('passes lint on %s', (fixture) => {
    expect(results[fixture]).toEqual([]);
  });
});
