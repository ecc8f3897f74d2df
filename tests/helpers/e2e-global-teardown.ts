export default async function e2eGlobalTeardown(): Promise<void> {
  await (globalThis as { __linliE2e?: { stop(): Promise<void> } }).__linliE2e?.stop();
}
