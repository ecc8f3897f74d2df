import type { ChildProcess } from 'node:child_process';

export default async function e2eGlobalTeardown(): Promise<void> {
  const child = (globalThis as { __linliE2e?: ChildProcess }).__linliE2e;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
