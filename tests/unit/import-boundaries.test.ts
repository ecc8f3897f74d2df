/**
 * The import boundaries in eslint.config.mjs fail on deliberate violations. Each fixture in
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
  results[fixture]!.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);

describe('import boundaries', () => {
  it('has a fixture for each boundary', () => {
    expect(violations.sort()).toEqual([
      'feature-imports-internals.ts.fixture',
      'function-imports-merged-errors.ts.fixture',
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

  it.each(allowed)('passes lint on %s', (fixture) => {
    expect(results[fixture]).toEqual([]);
  });
});
