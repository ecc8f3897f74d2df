import { documentClient } from '../../functions/src/platform/dynamo';
import { platformKey } from '../../functions/src/platform/table-items';

/**
 * Fault injection for idempotent writes: the database "fails" right after a request's effect has
 * committed, when the idempotency middleware completes (or releases) the request's record. This
 * is the crash window of issue #17: the client gets a 503 and retries with the same key; the
 * retry must replay the original success, which it can only do when the effect completed the
 * record in its own transaction. Requests are marked by their Idempotency-Key.
 */
const losing = new Map<string, number>();
const lost = new Set<string>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  documentClient.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { Key?: { pk?: unknown }; UpdateExpression?: string };
      const raw = input.Key?.pk;
      const pk = typeof raw === 'string' ? raw : (raw as { S?: string } | undefined)?.S;
      // Only the completion (an update); a failed request's release still runs, so without the
      // completion in the effect's transaction the retry runs the effect again, as in the defect.
      if (pk?.startsWith(platformKey.idempotencyPrefix) && input.UpdateExpression) {
        const idempotencyKey = pk.slice(pk.lastIndexOf('#') + 1);
        if (losing.has(idempotencyKey)) {
          lost.add(idempotencyKey);
          // Mapped like a real outage (503 SERVICE_UNAVAILABLE); thrown above the SDK's retries.
          throw Object.assign(new Error('test fault: the database went away after the effect'), {
            name: 'TimeoutError',
          });
        }
      }
      return next(args);
    },
    { step: 'initialize', name: 'linliTestLoseCompletion' },
  );
}

/** Runs `send` with the completion of `idempotencyKey` lost; says whether the fault struck. */
export async function withCompletionLost<T>(
  idempotencyKey: string,
  send: () => Promise<T>,
): Promise<{ answer: T; struck: boolean }> {
  install();
  losing.set(idempotencyKey, (losing.get(idempotencyKey) ?? 0) + 1);
  try {
    const answer = await send();
    return { answer, struck: lost.has(idempotencyKey) };
  } finally {
    const left = (losing.get(idempotencyKey) ?? 1) - 1;
    if (left > 0) losing.set(idempotencyKey, left);
    else {
      losing.delete(idempotencyKey);
      lost.delete(idempotencyKey);
    }
  }
}
