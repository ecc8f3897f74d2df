export default async function integrationGlobalTeardown(): Promise<void> {
  await (globalThis as { __linliDynamo?: { stop(): Promise<void> } }).__linliDynamo?.stop();
}
