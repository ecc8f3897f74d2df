/**
 * Confirming an import: apply the stored plan chunk by chunk, several chunks at a time, each
 * chunk's people in BatchWriteItem calls and its progress recorded with the chunk's deletion in
 * one transaction. One confirm holds a lease on the job, so concurrent confirms apply it once;
 * a failure (or the time budget running out) leaves the job `interrupted` with its count, and
 * confirming again applies the chunks that are left.
 */
import { ulid } from 'ulidx';
import type { RosterImport } from '@linli/shared/contract/roster';
import { DomainError } from '@linli/shared/domain-error';
import { logger } from '../platform/logger';
import { personIdOf } from './items';
import type { ChunkRecord, ImportRecord, PersonRecord } from './records';
import * as repo from './repository';
import { importView } from './views';

/** Chunks applied at once: enough to finish 5,000 rows in seconds, few enough not to throttle. */
const PARALLEL_CHUNKS = 4;
/** A lease outlives one chunk by far; a confirm whose Lambda died is taken over after it. */
const LEASE_SECONDS = 60;
/** Stop taking chunks after this, well inside API Gateway's 29 s, and report progress. */
export const DEFAULT_TIME_BUDGET_MS = 20_000;
/** A finished job's counts stay this long for the page to show (it holds no personal data). */
const DONE_TTL_SECONDS = 30 * 24 * 3600;

const nowSeconds = () => Math.floor(Date.now() / 1000);

export interface ApplyStats {
  /** Write capacity units the people and member writes consumed (the bench prints them). */
  consumedWcu: number;
}

async function applyChunk(job: ImportRecord, chunk: ChunkRecord, leaseId: string, stats: ApplyStats): Promise<boolean> {
  const at = new Date().toISOString();
  const people: PersonRecord[] = chunk.rows.map(({ person, memberId }) => ({
    ...person,
    communityId: job.communityId,
    personId: personIdOf(job.communityId, person),
    memberId,
    importId: job.importId,
    updatedAt: at,
  }));
  stats.consumedWcu += await repo.putPeople(people);
  for (const row of chunk.rows) {
    if (row.memberId) stats.consumedWcu += await repo.setMemberTags(job.communityId, row.memberId, row.person.tags);
  }
  return repo.recordChunk(job.communityId, job.importId, chunk, leaseId, nowSeconds() + LEASE_SECONDS);
}

/** Applies a confirmed import (or resumes it), answering where it stands. */
export async function confirmImport(
  communityId: string,
  importId: string,
  options: { timeBudgetMs?: number; stats?: ApplyStats } = {},
): Promise<RosterImport> {
  const started = Date.now();
  const budget = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const stats = options.stats ?? { consumedWcu: 0 };
  const leaseId = ulid();
  const job = await repo.claimJob(
    communityId,
    importId,
    leaseId,
    nowSeconds(),
    LEASE_SECONDS,
    new Date().toISOString(),
  );
  if (!job) {
    // Done, being applied by another confirm, or gone: answer how it stands.
    const current = await repo.getJob(communityId, importId);
    if (!current || (current.status !== 'done' && current.expiresAt <= nowSeconds())) {
      throw new DomainError('ROSTER_IMPORT_NOT_FOUND');
    }
    return importView(current);
  }

  const chunks = await repo.listChunks(communityId, importId, job.planId);
  let next = 0;
  let applied = 0;
  let failed: unknown;
  let leaseLost = false;
  const worker = async () => {
    while (next < chunks.length && !failed && !leaseLost && Date.now() - started <= budget) {
      const chunk = chunks[next]!;
      next += 1;
      try {
        if (await applyChunk(job, chunk, leaseId, stats)) applied += 1;
        else leaseLost = true;
      } catch (error) {
        failed = error;
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_CHUNKS }, worker));

  if (failed) logger.error('roster import interrupted', { importId, error: failed as Error });
  const finished = applied === chunks.length;
  const released = finished
    ? await repo.releaseJob(communityId, importId, leaseId, {
        status: 'done',
        finishedAt: new Date().toISOString(),
        expiresAt: nowSeconds() + DONE_TTL_SECONDS,
      })
    : await repo.releaseJob(communityId, importId, leaseId, { status: 'interrupted' });
  const current = released ?? (await repo.getJob(communityId, importId));
  if (!current) throw new DomainError('ROSTER_IMPORT_NOT_FOUND');
  return importView(current);
}

export async function getImport(communityId: string, importId: string): Promise<RosterImport> {
  const job = await repo.getJob(communityId, importId);
  if (!job || (job.status !== 'done' && job.expiresAt <= nowSeconds()))
    throw new DomainError('ROSTER_IMPORT_NOT_FOUND');
  return importView(job);
}
