/** What leaves the roster feature: phones masked, internal fields left out. */
import type { RosterImport, RosterPerson, RosterPreviewRow } from '@linli/shared/contract/roster';
import { maskPhone } from '@linli/shared/domain/identity/person';
import type { PlanRow } from '@linli/shared/domain/roster/plan';
import type { ImportRecord, PersonRecord } from './records';

const iso = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString();

export const importView = (j: ImportRecord): RosterImport => ({
  importId: j.importId,
  communityId: j.communityId,
  fileName: j.fileName,
  status: j.status,
  counts: j.counts,
  rowsToWrite: j.rowsToWrite,
  rowsWritten: j.rowsWritten,
  createdAt: j.createdAt,
  confirmedAt: j.confirmedAt,
  finishedAt: j.finishedAt,
  expiresAt: iso(j.expiresAt),
});

export function previewRowView(r: PlanRow): RosterPreviewRow {
  if (r.person) {
    const p = r.person;
    return {
      line: r.line,
      outcome: r.outcome,
      building: p.buildingName,
      unit: p.unitName,
      room: p.room,
      name: p.name,
      birthDate: p.birthDate,
      phoneMasked: p.phone ? maskPhone(p.phone) : undefined,
      tags: p.tags,
      changes: r.changes,
    };
  }
  const raw = r.raw ?? {};
  return {
    line: r.line,
    outcome: r.outcome,
    building: raw.building ?? '',
    unit: raw.unit ?? '',
    room: raw.room ?? '',
    name: raw.name ?? '',
    // A refused phone is shown masked too when it looks like one; otherwise only its reason speaks.
    phoneMasked: raw.phone ? maskPhone(raw.phone.replace(/\D/g, '')) : undefined,
    tags: [],
    reason: r.refusal?.reason,
    reasonCode: r.refusal?.code,
  };
}

export const personView = (p: PersonRecord): RosterPerson => ({
  personId: p.personId,
  buildingId: p.buildingId,
  buildingName: p.buildingName,
  unitId: p.unitId,
  unitName: p.unitName,
  room: p.room,
  name: p.name,
  birthDate: p.birthDate,
  phoneMasked: p.phone ? maskPhone(p.phone) : undefined,
  tags: p.tags,
  memberId: p.memberId,
  updatedAt: p.updatedAt,
});
