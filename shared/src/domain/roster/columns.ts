/**
 * The roster's columns and the header names communities use for them (台账 kept in Excel by
 * different offices name the same column differently). Matching ignores spaces, full-width
 * brackets and a trailing note such as 「手机（选填）」.
 */
export const ROSTER_FIELDS = ['building', 'unit', 'room', 'name', 'birthDate', 'phone', 'tags'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Columns without which no row can be placed. */
export const REQUIRED_FIELDS: readonly RosterField[] = ['building', 'unit', 'room', 'name'];

/** The header each field is shown under (the sample file and the page use these). */
export const FIELD_LABELS: Record<RosterField, string> = {
  building: '楼栋',
  unit: '单元',
  room: '房号',
  name: '姓名',
  birthDate: '出生日期',
  phone: '手机',
  tags: '标签',
};

const ALIASES: Record<RosterField, readonly string[]> = {
  building: ['楼栋', '楼号', '楼栋号', '栋', '楼', '幢', '栋号', '楼宇'],
  unit: ['单元', '单元号'],
  room: ['房号', '房间号', '门牌号', '室', '户号', '房屋号'],
  name: ['姓名', '居民姓名', '名字', '户主姓名'],
  birthDate: ['出生日期', '出生年月日', '生日', '出生年月'],
  phone: ['手机', '手机号', '手机号码', '联系电话', '电话', '联系方式'],
  tags: ['标签', '人员类别', '人群类别', '类别', '特殊人群'],
};

/** 「 手机号码（选填） 」 → 「手机号码」 */
function normalizeHeader(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .trim();
}

/** Which column holds which field; the first column wins when two carry the same field. */
export type ColumnMap = Partial<Record<RosterField, number>>;

/** Maps a header row to fields; unknown headers are ignored. */
export function mapColumns(headers: readonly string[]): ColumnMap {
  const map: ColumnMap = {};
  headers.forEach((raw, index) => {
    const header = normalizeHeader(raw);
    const field = ROSTER_FIELDS.find((f) => ALIASES[f].includes(header));
    if (field && map[field] === undefined) map[field] = index;
  });
  return map;
}

/** The required fields a header row lacks, by their Chinese label. */
export function missingColumns(map: ColumnMap): string[] {
  return REQUIRED_FIELDS.filter((f) => map[f] === undefined).map((f) => FIELD_LABELS[f]);
}
