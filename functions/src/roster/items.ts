/**
 * Keys and item builders of the roster entities, declared once; no I/O.
 * Access patterns (also in table.ts and docs/data-model.md):
 *  AP110 a community's roster, by building/unit/room  Query pk=ROSTER#<community> [begins_with(sk, PERSON#<building>#[<unit>#<room>#])]
 *  AP111 a roster person                             GetItem pk=ROSTER#<community> sk=PERSON#<building>#<unit>#<room>#<name>
 *  AP112 an import job                               GetItem pk=ROSTERIMPORT#<community>#<importId> sk=META
 *  AP113 an import's chunks still to apply           Query pk=ROSTERIMPORT#<community>#<importId> begins_with(sk, CHUNK#<planId>#)
 */
import { createHash } from 'node:crypto';
import { personIdentity, type RosterPerson } from '@linli/shared/domain/roster/plan';
import type { ChunkRecord, ImportRecord, PersonRecord } from './records';

type Item = Record<string, unknown>;

export const rosterTypes = ['RosterPerson', 'RosterImport', 'RosterImportChunk'] as const;
export type RosterType = (typeof rosterTypes)[number];

/** Opaque, stable id of a roster person (its identity hashed: names stay out of URLs). */
export const personIdOf = (communityId: string, p: RosterPerson) =>
  createHash('sha256')
    .update(`${communityId}#${personIdentity(p)}`)
    .digest('base64url')
    .slice(0, 16);

export const rosterKey = {
  person: (communityId: string, p: Pick<RosterPerson, 'buildingId' | 'unitId' | 'room' | 'name'>) => ({
    pk: `ROSTER#${communityId}`,
    sk: `PERSON#${personIdentity(p)}`,
  }),
  /** The rows of one household (or one building, or one unit) share this sort-key prefix. */
  placePrefix: (buildingId?: string, unitId?: string, room?: string) =>
    `PERSON#${[buildingId, unitId, room].filter((x) => x !== undefined).join('#')}${buildingId ? '#' : ''}`,
  partition: (communityId: string) => `ROSTER#${communityId}`,
  job: (communityId: string, importId: string) => ({ pk: `ROSTERIMPORT#${communityId}#${importId}`, sk: 'META' }),
  chunk: (communityId: string, importId: string, planId: string, seq: number) => ({
    pk: `ROSTERIMPORT#${communityId}#${importId}`,
    sk: `${rosterKey.chunkPrefix(planId)}${String(seq).padStart(4, '0')}`,
  }),
  /** Sort-key prefix of a job's chunks, or of one plan's. */
  chunkPrefix: (planId?: string) => (planId ? `CHUNK#${planId}#` : 'CHUNK#'),
} as const;

export const personItem = (p: PersonRecord): Item => ({
  ...rosterKey.person(p.communityId, p),
  type: 'RosterPerson',
  ...p,
});

export const jobItem = (j: ImportRecord): Item => ({
  ...rosterKey.job(j.communityId, j.importId),
  type: 'RosterImport',
  ...j,
});

export const chunkItem = (communityId: string, importId: string, c: ChunkRecord): Item => ({
  ...rosterKey.chunk(communityId, importId, c.planId, c.seq),
  type: 'RosterImportChunk',
  ...c,
});
