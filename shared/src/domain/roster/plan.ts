/**
 * The import plan: every checked row placed in the community's structure and compared with the
 * roster as it stands, as create / update / unchanged / refused. Pure; the preview stores it and
 * the confirm applies it.
 *
 * A roster person is identified by building + unit + room + name (ids, so renames keep them);
 * a second row with the same identity in one file is refused as a duplicate. The birth date is
 * a field, not part of the identity, so a corrected birth date updates the person instead of
 * adding a second one. A column the file lacks leaves that field as stored; an empty cell
 * clears it. People missing from the file stay on the roster (an import never deletes).
 */
import type { MemberTag } from '../care/tags';
import type { CheckedRow, RawCells, Refusal, RowResult } from './rows';

export interface StructureUnit {
  id: string;
  name: string;
  /** Retired units take no new people either. */
  retired?: boolean;
}
export interface StructureBuilding {
  id: string;
  name: string;
  units: StructureUnit[];
  /** Retired buildings take no new people. */
  retired?: boolean;
}

/** A person on the roster, as stored. */
export interface RosterPerson {
  buildingId: string;
  buildingName: string;
  unitId: string;
  unitName: string;
  room: string;
  name: string;
  birthDate?: string;
  phone?: string;
  tags: MemberTag[];
}

export type Outcome = 'create' | 'update' | 'unchanged' | 'refused';

export interface PlanRow {
  line: number;
  outcome: Outcome;
  /** The person after the import (absent when refused). */
  person?: RosterPerson;
  /** What a refused row said, to show it as written. */
  raw?: RawCells;
  refusal?: Refusal;
  /** Fields an update changes, by their Chinese label. */
  changes?: string[];
}

/** building + unit + room + name: the roster person's identity. */
export const personIdentity = (p: Pick<RosterPerson, 'buildingId' | 'unitId' | 'room' | 'name'>) =>
  `${p.buildingId}#${p.unitId}#${p.room}#${p.name}`;

const CN_DIGITS: Record<string, string> = {
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  十: '10',
};

/** 「1号楼」「1栋」「1幢」「1#」「一号楼」 → 「1」; 「2单元」「二单元」 → 「2」. */
export function placeCore(text: string): string {
  return text
    .replace(/\s/g, '')
    .replace(/^第/, '')
    .replace(/(号楼|号|栋|幢|楼|座|#|单元)$/, '')
    .replace(/^[一二三四五六七八九十]$/, (c) => CN_DIGITS[c]!)
    .toUpperCase();
}

function findByName<T extends { name: string }>(list: readonly T[], text: string): T | undefined {
  const exact = list.filter((x) => x.name === text.trim());
  if (exact.length === 1) return exact[0];
  const core = placeCore(text);
  const near = list.filter((x) => placeCore(x.name) === core);
  return near.length === 1 ? near[0] : undefined;
}

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

function merge(row: CheckedRow, place: Omit<RosterPerson, 'name' | 'room' | 'tags'>, old?: RosterPerson): RosterPerson {
  const pick = <T>(given: T | null | undefined, kept: T | undefined): T | undefined =>
    given === undefined ? kept : (given ?? undefined);
  return {
    ...place,
    room: row.room,
    name: row.name,
    birthDate: pick(row.birthDate, old?.birthDate),
    phone: pick(row.phone, old?.phone),
    tags: row.tags ?? old?.tags ?? [],
  };
}

function changesOf(old: RosterPerson, next: RosterPerson): string[] {
  const out: string[] = [];
  if ((old.birthDate ?? '') !== (next.birthDate ?? '')) out.push('出生日期');
  if ((old.phone ?? '') !== (next.phone ?? '')) out.push('手机');
  if (!sameTags(old.tags, next.tags)) out.push('标签');
  // Renamed buildings or units keep their ids; the stored names follow the structure.
  if (old.buildingName !== next.buildingName || old.unitName !== next.unitName) out.push('楼栋名称');
  return out;
}

/** Places every row and compares it with `existing` (keyed by personIdentity). */
export function planImport(
  results: readonly RowResult[],
  buildings: readonly StructureBuilding[],
  existing: ReadonlyMap<string, RosterPerson>,
): PlanRow[] {
  const open = buildings.filter((b) => !b.retired);
  const firstLine = new Map<string, number>();
  return results.map((r): PlanRow => {
    if (!r.ok) return { line: r.line, outcome: 'refused', raw: r.raw, refusal: r.refusal };
    const row = r.row;
    const raw: RawCells = { building: row.building, unit: row.unit, room: row.room, name: row.name };
    const refused = (refusal: Refusal): PlanRow => ({ line: row.line, outcome: 'refused', raw, refusal });
    const building = findByName(open, row.building);
    if (!building) return refused({ code: 'UNKNOWN_BUILDING', reason: `未知楼栋「${row.building}」` });
    const unit = findByName(
      building.units.filter((u) => !u.retired),
      row.unit,
    );
    if (!unit) return refused({ code: 'UNKNOWN_UNIT', reason: `${building.name}没有「${row.unit}」` });
    const place = { buildingId: building.id, buildingName: building.name, unitId: unit.id, unitName: unit.name };
    const identity = personIdentity({ ...place, room: row.room, name: row.name });
    const earlier = firstLine.get(identity);
    if (earlier !== undefined) {
      return refused({ code: 'DUPLICATE_PERSON', reason: `重复的人：与第 ${earlier} 行是同一户的同一人` });
    }
    firstLine.set(identity, row.line);
    const old = existing.get(identity);
    const person = merge(row, place, old);
    if (!old) return { line: row.line, outcome: 'create', person };
    const changes = changesOf(old, person);
    return changes.length === 0
      ? { line: row.line, outcome: 'unchanged', person }
      : { line: row.line, outcome: 'update', person, changes };
  });
}

/** How many rows of each outcome. */
export function countOutcomes(rows: readonly Pick<PlanRow, 'outcome'>[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { create: 0, update: 0, unchanged: 0, refused: 0 };
  for (const r of rows) counts[r.outcome] += 1;
  return counts;
}
