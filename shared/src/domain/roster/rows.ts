/**
 * One roster row, from its cells to a checked person or a refusal with its reason in Chinese.
 * Pure: the reader (functions/src/roster) hands in strings, so CSV and XLSX are checked alike.
 */
import { MEMBER_TAGS, normalizeTags, type MemberTag } from '../care/tags';
import { isPlausibleBirthDate } from '../identity/person';
import type { ColumnMap, RosterField } from './columns';

/** Why a row is refused; the code is stable, the text is what staff read. */
export type RefusalCode =
  | 'MISSING_FIELD'
  | 'UNKNOWN_BUILDING'
  | 'UNKNOWN_UNIT'
  | 'ROOM_INVALID'
  | 'NAME_INVALID'
  | 'DATE_INVALID'
  | 'DATE_IMPLAUSIBLE'
  | 'PHONE_INVALID'
  | 'TAG_UNKNOWN'
  | 'DUPLICATE_PERSON';

export interface Refusal {
  code: RefusalCode;
  reason: string;
}

/** A row whose cells are well formed (its building and unit are not resolved yet). */
export interface CheckedRow {
  /** Line in the file, the header being line 1, as staff see it in Excel. */
  line: number;
  building: string;
  unit: string;
  room: string;
  name: string;
  /** undefined: the file has no such column (the stored value stays); null: the cell is empty. */
  birthDate?: string | null;
  phone?: string | null;
  tags?: MemberTag[];
}

export type RowResult = { ok: true; row: CheckedRow } | { ok: false; line: number; raw: RawCells; refusal: Refusal };

/** The cells of a row by field, trimmed, for showing a refused row as it was written. */
export type RawCells = Partial<Record<RosterField, string>>;

const refuse = (code: RefusalCode, reason: string): Refusal => ({ code, reason });

/** Accepted forms: 1948-03-02, 1948/3/2, 1948.3.2, 1948年3月2日, 19480302. */
export function parseBirthDate(text: string): string | undefined {
  const t = text.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A mainland mobile number, with spaces, dashes and +86 allowed around it. */
export function parsePhone(text: string): string | undefined {
  const digits = text.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : undefined;
}

/** 「302室」「302号」 → 「302」; letters upper-cased, as applications store rooms. */
export function normalizeRoom(text: string): string {
  return text
    .replace(/\s/g, '')
    .replace(/[室号]$/, '')
    .toUpperCase();
}

/** Splits 「独居、高龄」「独居,低保」「独居 残疾」 into tags; unknown ones are returned apart. */
export function parseTags(text: string): { tags: MemberTag[]; unknown: string[] } {
  const parts = text
    .split(/[,，、;；/|\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = parts.filter((p) => !(MEMBER_TAGS as readonly string[]).includes(p));
  return { tags: normalizeTags(parts), unknown };
}

const NAME = /^[\p{Script=Han}A-Za-z·•．. ]{1,20}$/u;

/** Checks one row's cells; `today` (YYYY-MM-DD, Shanghai) bounds plausible birth dates. */
export function checkRow(cells: readonly string[], columns: ColumnMap, line: number, today: string): RowResult {
  const cell = (f: RosterField) => {
    const i = columns[f];
    return i === undefined ? undefined : (cells[i] ?? '').trim();
  };
  const raw: RawCells = {};
  for (const f of Object.keys(columns) as RosterField[]) raw[f] = cell(f);
  const fail = (refusal: Refusal): RowResult => ({ ok: false, line, raw, refusal });

  const missing = (['building', 'unit', 'room', 'name'] as const).find((f) => !cell(f));
  if (missing) {
    const label = { building: '楼栋', unit: '单元', room: '房号', name: '姓名' }[missing];
    return fail(refuse('MISSING_FIELD', `缺少${label}`));
  }
  const room = normalizeRoom(cell('room')!);
  if (!/^[0-9A-Z-]{1,10}$/.test(room)) return fail(refuse('ROOM_INVALID', `房号格式不对「${cell('room')}」`));
  const name = cell('name')!.replace(/\s+/g, ' ');
  if (!NAME.test(name)) return fail(refuse('NAME_INVALID', `姓名格式不对「${name}」`));

  const row: CheckedRow = { line, building: cell('building')!, unit: cell('unit')!, room, name };

  const birth = cell('birthDate');
  if (birth !== undefined) {
    if (birth === '') row.birthDate = null;
    else {
      const iso = parseBirthDate(birth);
      if (!iso) return fail(refuse('DATE_INVALID', `日期格式不对「${birth}」，请写成 1950-03-21`));
      if (!isPlausibleBirthDate(iso, today)) return fail(refuse('DATE_IMPLAUSIBLE', `出生日期不合理「${birth}」`));
      row.birthDate = iso;
    }
  }
  const phone = cell('phone');
  if (phone !== undefined) {
    if (phone === '') row.phone = null;
    else {
      const digits = parsePhone(phone);
      if (!digits) return fail(refuse('PHONE_INVALID', `手机号不对「${phone}」，应为 11 位手机号`));
      row.phone = digits;
    }
  }
  const tags = cell('tags');
  if (tags !== undefined) {
    const parsed = parseTags(tags);
    if (parsed.unknown.length > 0) {
      return fail(refuse('TAG_UNKNOWN', `未知标签「${parsed.unknown.join('、')}」，可用：${MEMBER_TAGS.join('、')}`));
    }
    row.tags = parsed.tags;
  }
  return { ok: true, row };
}
