import { mapColumns, missingColumns } from '@linli/shared/domain/roster/columns';
import { closestRows, matchApplicant } from '@linli/shared/domain/roster/matching';
import {
  countOutcomes,
  personIdentity,
  placeCore,
  planImport,
  type RosterPerson,
} from '@linli/shared/domain/roster/plan';
import { checkRow, parseBirthDate, parsePhone, parseTags } from '@linli/shared/domain/roster/rows';
import { decodeText, readRosterFile } from '../../functions/src/roster/file-reader';
import iconv from 'iconv-lite';

const TODAY = '2026-12-04';
const BUILDINGS = [
  {
    id: 'b1',
    name: '1号楼',
    units: [
      { id: 'u1', name: '1单元' },
      { id: 'u2', name: '2单元' },
    ],
  },
  { id: 'b2', name: '2号楼', units: [{ id: 'u1', name: '1单元' }] },
  { id: 'b9', name: '9号楼', units: [{ id: 'u1', name: '1单元' }], retired: true },
];
const columns = mapColumns(['楼栋', '单元', '房号', '姓名', '出生日期', '手机', '标签']);
const check = (cells: string[], line = 2) => checkRow(cells, columns, line, TODAY);

describe('roster columns', () => {
  it('maps the usual Chinese headers and their aliases, ignoring notes in brackets and spaces', () => {
    expect(
      mapColumns(['楼号', ' 单元号 ', '门牌号', '居民姓名', '出生年月日', '联系电话（选填）', '人员类别', '备注']),
    ).toEqual({
      building: 0,
      unit: 1,
      room: 2,
      name: 3,
      birthDate: 4,
      phone: 5,
      tags: 6,
    });
  });

  it('names the required columns a header lacks', () => {
    expect(missingColumns(mapColumns(['姓名', '手机']))).toEqual(['楼栋', '单元', '房号']);
  });
});

describe('roster cells', () => {
  it.each([
    ['1948-03-02', '1948-03-02'],
    ['1948/3/2', '1948-03-02'],
    ['1948.3.2', '1948-03-02'],
    ['1948年3月2日', '1948-03-02'],
    ['19480302', '1948-03-02'],
    ['1948-02-30', undefined],
    ['3/2/1948', undefined],
  ])('reads the birth date %s as %s', (text, iso) => expect(parseBirthDate(text)).toBe(iso));

  it('accepts mobile numbers with spaces, dashes or +86 and refuses anything else', () => {
    expect(parsePhone('138 1234-5678')).toBe('13812345678');
    expect(parsePhone('+8613812345678')).toBe('13812345678');
    expect(parsePhone('0951-1234567')).toBeUndefined();
    expect(parsePhone('1381234567')).toBeUndefined();
  });

  it('splits tags on Chinese and ASCII separators and reports unknown ones', () => {
    expect(parseTags('高龄、独居,低保')).toEqual({ tags: ['独居', '高龄', '低保'], unknown: [] });
    expect(parseTags('独居 贫困')).toEqual({ tags: ['独居'], unknown: ['贫困'] });
  });

  it('refuses a row with its reason and keeps a good one with room and name normalized', () => {
    expect(check(['1号楼', '1单元', '302室', '王桂芳', '1956-04-12', '', '独居'])).toEqual({
      ok: true,
      row: {
        line: 2,
        building: '1号楼',
        unit: '1单元',
        room: '302',
        name: '王桂芳',
        birthDate: '1956-04-12',
        phone: null,
        tags: ['独居'],
      },
    });
    const bad = check(['1号楼', '1单元', '302', '王桂芳', '2099-01-01', '', '']);
    expect(bad.ok === false && bad.refusal).toEqual({
      code: 'DATE_IMPLAUSIBLE',
      reason: '出生日期不合理「2099-01-01」',
    });
    const noName = check(['1号楼', '1单元', '302', '', '', '', '']);
    expect(noName.ok === false && noName.refusal.reason).toBe('缺少姓名');
  });
});

describe('roster plan', () => {
  const person = (over: Partial<RosterPerson> = {}): RosterPerson => ({
    buildingId: 'b1',
    buildingName: '1号楼',
    unitId: 'u1',
    unitName: '1单元',
    room: '302',
    name: '王桂芳',
    birthDate: '1956-04-12',
    phone: '13812345678',
    tags: ['独居'],
    ...over,
  });

  it('finds buildings and units written as 1号楼, 1栋, 1, 一单元', () => {
    expect(['1号楼', '1栋', '1幢', '1#', '1', '一号楼'].map(placeCore)).toEqual(['1', '1', '1', '1', '1', '1']);
    expect(placeCore('二单元')).toBe('2');
  });

  it('sorts rows into create, update (with what changes), unchanged, and refused for unknown, retired or duplicate', () => {
    const existing = new Map([[personIdentity(person()), person()]]);
    const rows = [
      check(['1栋', '1', '302', '王桂芳', '1956-04-12', '13812345678', '独居'], 2),
      check(['1号楼', '1单元', '302', '王桂芳', '1956-04-12', '13900001111', '独居'], 3),
      check(['1号楼', '2单元', '101', '李秀英', '', '', ''], 4),
      check(['9号楼', '1单元', '101', '张三', '', '', ''], 5),
      check(['2号楼', '1单元', '101', '赵四', '19501301', '', ''], 6),
    ];
    const plan = planImport(rows, BUILDINGS, existing);
    expect(plan.map((r) => [r.line, r.outcome, r.refusal?.code ?? r.changes])).toEqual([
      [2, 'unchanged', undefined],
      [3, 'refused', 'DUPLICATE_PERSON'],
      [4, 'create', undefined],
      [5, 'refused', 'UNKNOWN_BUILDING'],
      [6, 'refused', 'DATE_INVALID'],
    ]);
    const corrected = planImport(
      [check(['1号楼', '1单元', '302', '王桂芳', '1956-04-21', '', '独居'])],
      BUILDINGS,
      existing,
    );
    expect(corrected[0]).toMatchObject({ outcome: 'update', changes: ['出生日期', '手机'] });
    expect(countOutcomes(plan)).toEqual({ create: 1, update: 0, unchanged: 1, refused: 3 });
  });

  it('keeps stored fields for columns the file lacks', () => {
    const existing = new Map([[personIdentity(person()), person()]]);
    const noPhone = mapColumns(['楼栋', '单元', '房号', '姓名']);
    const plan = planImport([checkRow(['1号楼', '1单元', '302', '王桂芳'], noPhone, 2, TODAY)], BUILDINGS, existing);
    expect(plan[0]).toMatchObject({ outcome: 'unchanged', person: { phone: '13812345678', tags: ['独居'] } });
  });
});

describe('roster matching', () => {
  const household: RosterPerson[] = [
    { buildingId: 'b1', buildingName: '1号楼', unitId: 'u1', unitName: '1单元', room: '302', name: '张建国', tags: [] },
    {
      buildingId: 'b1',
      buildingName: '1号楼',
      unitId: 'u1',
      unitName: '1单元',
      room: '302',
      name: '王桂芳',
      phone: '13812345678',
      tags: [],
    },
  ];

  it('matches name and the phone’s last 4 digits, or the name alone when the roster has no phone', () => {
    expect(matchApplicant({ realName: '王桂芳', phone: '13600005678' }, household)?.name).toBe('王桂芳');
    expect(matchApplicant({ realName: '王桂芳', phone: '13600009999' }, household)).toBeUndefined();
    expect(matchApplicant({ realName: '张建国', phone: '13600001234' }, household)?.name).toBe('张建国');
  });

  it('lists the closest names first', () => {
    expect(closestRows('王桂方', household).map((p) => p.name)).toEqual(['王桂芳', '张建国']);
  });
});

describe('roster file reader', () => {
  it('decodes UTF-8 with a BOM and GBK alike', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('楼栋')]))).toBe('楼栋');
    expect(decodeText(iconv.encode('楼栋,姓名', 'gbk'))).toBe('楼栋,姓名');
  });

  it('skips blank lines and numbers rows as Excel does', async () => {
    const sheet = await readRosterFile(
      'a.csv',
      Buffer.from('\r\n楼栋,单元,房号,姓名\r\n1,1,302,"王,桂芳"\r\n,,,\r\n1,1,303,李\r\n'),
    );
    expect(sheet.headers).toEqual(['楼栋', '单元', '房号', '姓名']);
    expect(sheet.rows).toEqual([
      { line: 3, cells: ['1', '1', '302', '王,桂芳'] },
      { line: 5, cells: ['1', '1', '303', '李'] },
    ]);
  });
});
