/** The roster's stored shapes. */
import type { RosterPerson } from '@linli/shared/domain/roster/plan';

/** A person on the roster, as stored under the community's roster partition. */
export interface PersonRecord extends RosterPerson {
  communityId: string;
  personId: string;
  /** The member this person became (set when a matching application is approved). */
  memberId?: string;
  importId?: string;
  updatedAt: string;
}

export type ImportStatus = 'previewed' | 'applying' | 'interrupted' | 'done';

/** An import job: the preview's counts and, once confirmed, its progress. */
export interface ImportRecord {
  communityId: string;
  importId: string;
  /** The preview whose chunks this job applies (a new preview of the same file replaces it). */
  planId: string;
  fileName: string;
  contentHash: string;
  status: ImportStatus;
  counts: { create: number; update: number; unchanged: number; refused: number };
  rowsToWrite: number;
  rowsWritten: number;
  chunks: number;
  createdBy: string;
  createdAt: string;
  confirmedAt?: string;
  finishedAt?: string;
  /** Epoch seconds (TTL). */
  expiresAt: number;
  /** Whoever is applying now, and until when their claim holds. */
  leaseId?: string;
  leaseUntil?: number;
}

/** A person to write, and the member whose care tags follow the roster. */
export interface ChunkRow {
  person: RosterPerson;
  memberId?: string;
}

/** Up to CHUNK_ROWS rows of a plan, applied (and then deleted) as one unit of progress. */
export interface ChunkRecord {
  planId: string;
  seq: number;
  rows: ChunkRow[];
  expiresAt: number;
}
