/**
 * Preview of a roster file: read it, check every row, place it in the community's structure,
 * compare with the roster, and keep the plan (not the file) for the confirm, keyed by the
 * file's content hash. Nothing of the roster changes here.
 */
import { createHash } from 'node:crypto';
import { ulid } from 'ulidx';
import type { Principal } from '@linli/shared/contract/principal';
import { ROSTER_MAX_ROWS, type RosterPreview } from '@linli/shared/contract/roster';
import { DomainError } from '@linli/shared/domain-error';
import { todayInShanghai } from '@linli/shared/domain/identity/person';
import { mapColumns, missingColumns, ROSTER_FIELDS, type ColumnMap } from '@linli/shared/domain/roster/columns';
import { countOutcomes, personIdentity, planImport, type RosterPerson } from '@linli/shared/domain/roster/plan';
import { checkRow } from '@linli/shared/domain/roster/rows';
import { getCommunity } from '../community';
import { readRosterFile } from './file-reader';
import type { ChunkRecord, ChunkRow, ImportRecord } from './records';
import * as repo from './repository';
import { importView, previewRowView } from './views';

/** Rows per stored chunk: one unit of progress when applying (4 BatchWriteItem calls). */
export const CHUNK_ROWS = 100;
/** A preview waits this long for its confirm (and an interrupted import for its resume). */
const PREVIEW_TTL_SECONDS = 24 * 3600;

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** base64 in the JSON body → bytes; a body that is not base64 is a type error, not a crash. */
function decodeBase64(text: string): Buffer {
  const clean = text.replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new DomainError('ROSTER_FILE_TYPE');
  return Buffer.from(clean, 'base64');
}

async function structureOf(communityId: string) {
  const community = await getCommunity(communityId);
  return community.grids.flatMap((g) => g.buildings);
}

const ignoredColumns = (headers: string[], columns: ColumnMap) =>
  headers.filter((h, i) => h.trim() !== '' && !ROSTER_FIELDS.some((f) => columns[f] === i));

/** Who of the roster is already a member (same household, same name): their tags follow the roster. */
async function memberIdsByIdentity(communityId: string): Promise<Map<string, string>> {
  const members = await repo.listMemberPlaces(communityId);
  return new Map(
    members
      .filter((m) => m.status === 'verified')
      .map((m) => [personIdentity({ ...m, room: m.room.toUpperCase(), name: m.realName }), m.memberId]),
  );
}

export async function previewImport(
  staff: Principal,
  communityId: string,
  fileName: string,
  contentBase64: string,
): Promise<RosterPreview> {
  const bytes = decodeBase64(contentBase64);
  const sheet = await readRosterFile(fileName, bytes);
  const columns = mapColumns(sheet.headers);
  const missing = missingColumns(columns);
  if (missing.length > 0) {
    throw new DomainError('ROSTER_COLUMNS_MISSING', { missing }, `表格缺少必需的列：${missing.join('、')}`);
  }
  if (sheet.rows.length > ROSTER_MAX_ROWS) throw new DomainError('ROSTER_TOO_MANY_ROWS');

  const [buildings, people, members] = await Promise.all([
    structureOf(communityId),
    repo.listPeople(communityId),
    memberIdsByIdentity(communityId),
  ]);
  const existing = new Map<string, RosterPerson>(people.map((p) => [personIdentity(p), p]));
  const today = todayInShanghai();
  const checked = sheet.rows.map((r) => checkRow(r.cells, columns, r.line, today));
  const plan = planImport(checked, buildings, existing);

  const toWrite: ChunkRow[] = plan
    .filter((r) => r.outcome === 'create' || r.outcome === 'update')
    .map((r) => ({ person: r.person!, memberId: members.get(personIdentity(r.person!)) }));
  const planId = ulid();
  const expiresAt = nowSeconds() + PREVIEW_TTL_SECONDS;
  const chunks: ChunkRecord[] = [];
  for (let i = 0; i < toWrite.length; i += CHUNK_ROWS) {
    chunks.push({ planId, seq: chunks.length, rows: toWrite.slice(i, i + CHUNK_ROWS), expiresAt });
  }
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  const job: ImportRecord = {
    communityId,
    // The same file previewed again is the same import: a second confirm of it cannot apply twice.
    importId: `R${contentHash.slice(0, 25)}`,
    planId,
    fileName,
    contentHash,
    status: 'previewed',
    counts: countOutcomes(plan),
    rowsToWrite: toWrite.length,
    rowsWritten: 0,
    chunks: chunks.length,
    createdBy: staff.userId,
    createdAt: new Date().toISOString(),
    expiresAt,
  };
  if (!(await repo.putPreview(job, chunks))) {
    const running = await repo.getJob(communityId, job.importId);
    throw new DomainError('ROSTER_IMPORT_BUSY', running ? { import: importView(running) } : undefined);
  }
  await repo.deleteStaleChunks(communityId, job.importId, planId);
  return {
    import: importView(job),
    rows: plan.map(previewRowView),
    ignoredColumns: ignoredColumns(sheet.headers, columns),
  };
}
