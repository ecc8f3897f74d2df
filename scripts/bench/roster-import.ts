/**
 * Roster import of 5,000 rows (a large community) through the local API against DynamoDB Local:
 * the preview (the CSV base64 in one request: parse, check, plan, store the plan) and the
 * confirm (confirmed again while it reports `interrupted`, as the page does), each with its
 * wall time and the write capacity units it consumed. Every write the handlers send in a phase
 * is asked for ReturnConsumedCapacity and summed by a middleware on their client.
 */
import { manyRows, rosterCsv } from '../../tests/helpers/roster-fixtures';
import { BENCH_COMMUNITY, apiCaller, staffToken } from './bench-kit';

export interface RosterImportBench {
  rows: number;
  fileBytes: number;
  preview: { ms: number; wcu: number; status: number };
  confirm: { ms: number; wcu: number; calls: number; status: string; rowsWritten: number };
  reimport: { ms: number; wcu: number; unchanged: number };
}

/** Write commands, by the document client's or the low-level client's name. */
const WRITE = /^(Put|Update|Delete|BatchWrite|TransactWrite)(Item)?Command$/;

export async function rosterImportBench(apiUrl: string, rows = 5000): Promise<RosterImportBench> {
  // Loaded here: the handlers' modules read the stack's environment when first imported.
  const { documentClient } = await import('../../functions/src/platform/dynamo');
  let wcu = 0;
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      if (!WRITE.test(context.commandName ?? '')) return next(args);
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      const consumed = (out.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
        wcu += (c as { CapacityUnits?: number }).CapacityUnits ?? 0;
      }
      return out;
    },
    { step: 'initialize', name: 'benchConsumedCapacity' },
  );
  const measure = async <T>(run: () => Promise<T>) => {
    wcu = 0;
    const t = performance.now();
    const value = await run();
    return { value, ms: performance.now() - t, wcu };
  };

  const token = await staffToken();
  const call = apiCaller(apiUrl);
  const csv = rosterCsv(manyRows(rows, '158'));
  const body = { fileName: '台账-5000.csv', contentBase64: Buffer.from(csv).toString('base64') };
  const path = `/community/${BENCH_COMMUNITY}/roster/imports`;
  type Job = { import: { importId: string; counts: { unchanged: number } } };
  type Status = { status: string; rowsWritten: number };

  const preview = await measure(() => call<Job>('POST', path, token, body));
  const importId = preview.value.body.import.importId;
  let calls = 0;
  const confirm = await measure(async () => {
    let job: Status;
    do {
      calls += 1;
      job = (await call<Status>('POST', `${path}/${importId}/confirm`, token, {})).body;
    } while (job.status === 'interrupted' && calls < 10);
    return job;
  });
  const again = await measure(async () => {
    const p = await call<Job>('POST', path, token, body);
    await call('POST', `${path}/${p.body.import.importId}/confirm`, token, {});
    return p.body.import.counts.unchanged;
  });
  documentClient.middlewareStack.remove('benchConsumedCapacity');
  return {
    rows,
    fileBytes: Buffer.byteLength(csv),
    preview: { ms: preview.ms, wcu: preview.wcu, status: preview.value.status },
    confirm: {
      ms: confirm.ms,
      wcu: confirm.wcu,
      calls,
      status: confirm.value.status,
      rowsWritten: confirm.value.rowsWritten,
    },
    reimport: { ms: again.ms, wcu: again.wcu, unchanged: again.value },
  };
}
