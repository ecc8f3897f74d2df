/**
 * `npm test`: every tier, in the order that fails fastest, then one closing line
 * `N passed, N failed`. A missing prerequisite (Java, Chromium) fails loudly; nothing is skipped.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const artifacts = join(root, 'artifacts');
mkdirSync(artifacts, { recursive: true });

interface StepResult {
  name: string;
  ok: boolean;
  seconds: number;
}

function run(name: string, command: string, args: string[], env: Record<string, string> = {}): Promise<StepResult> {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    });
    child.on('exit', (code) => {
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      console.log(`${code === 0 ? '✔' : '✘'} ${name} (${seconds}s)`);
      resolve({ name, ok: code === 0, seconds });
    });
  });
}

function requirePrerequisites(): string[] {
  const missing: string[] = [];
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) missing.push(`Chromium not found at ${chromium} (apt-get install -y chromium)`);
  return missing;
}

async function main(): Promise<void> {
  const missing = requirePrerequisites();
  const steps: StepResult[] = [];
  if (missing.length > 0) {
    for (const m of missing) console.error(`✘ prerequisite: ${m}`);
    steps.push({ name: 'prerequisites', ok: false, seconds: 0 });
  }
  steps.push(await run('lint and typecheck', 'npm', ['run', '--silent', 'lint']));
  steps.push(await run('weapp build', 'npm', ['run', '--silent', 'build:weapp']));
  steps.push(await run('weapp compile check (miniprogram-ci)', 'npm', ['run', '--silent', 'check:weapp']));
  steps.push(await run('H5 build', 'npm', ['run', '--silent', 'build:h5']));
  const jestJson = join(artifacts, 'jest-results.json');
  const jestStep = await run('jest: unit, components, integration, infra, e2e', 'npx', [
    'jest',
    '--ci',
    '--json',
    `--outputFile=${jestJson}`,
  ]);

  // Only meaningful after the whole integration project ran, as it just did.
  const coverageStep = await run('every write route succeeds in an integration test', 'npx', [
    'tsx',
    'scripts/check-write-coverage.ts',
  ]);
  steps.push(coverageStep);

  let passed = steps.filter((s) => s.ok).length;
  let failed = steps.filter((s) => !s.ok).length;
  if (existsSync(jestJson)) {
    const report = JSON.parse(readFileSync(jestJson, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numFailedTestSuites: number;
      numRuntimeErrorTestSuites: number;
    };
    passed += report.numPassedTests;
    // Suites that crashed before running count as failures, as do skipped or todo tests.
    failed += report.numFailedTests + report.numRuntimeErrorTestSuites + report.numPendingTests + report.numTodoTests;
    if (!jestStep.ok && report.numFailedTests + report.numRuntimeErrorTestSuites === 0) failed += 1;
  } else {
    failed += 1;
  }
  console.log('\nsteps:');
  for (const s of [...steps.filter((s) => s !== coverageStep), jestStep, coverageStep])
    console.log(`  ${s.ok ? '✔' : '✘'} ${s.name} (${s.seconds}s)`);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

void main();
