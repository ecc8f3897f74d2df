/**
 * Roster import (居民台账): preview reasons per row, idempotent re-import, corrected files,
 * concurrent confirms, resume after a failure mid-way, refused files that write nothing, scope,
 * tags carried to members, and applications matched against the roster.
 */
import iconv from 'iconv-lite';
import { documentClient } from '../../functions/src/platform/dynamo';
import { apiForThisFile } from '../helpers/api';
import { createCommunity, idem, newWechatUser, residentMember, userWithGrants } from '../helpers/fixtures';
import { manyRows, rosterCalls, rosterCsv } from '../helpers/roster-fixtures';
import { scanWhere } from '../helpers/table-scan';
import { key } from '../../functions/src/table';
import { rosterKey } from '../../functions/src/roster/items';
import { onboardingKey } from '../../functions/src/onboarding/items';

const api = apiForThisFile();

async function setup() {
  const c = await createCommunity();
  const staff = await userWithGrants(api, [{ role: 'staff', communityId: c.communityId }], '刘晶');
  return { c, staff, roster: rosterCalls(api, c.communityId, staff.accessToken) };
}

/** Everything the roster feature stored for a community: people, jobs and chunks. */
const rosterItems = (communityId: string) =>
  scanWhere('pk = :people OR begins_with(pk, :imports)', {
    ':people': rosterKey.partition(communityId),
    ':imports': rosterKey.job(communityId, '').pk,
  });

const GOOD = [
  ['1号楼', '1单元', '302', '王桂芳', '1956-04-12', '13812345678', '独居'],
  ['1', '2', '101室', '李秀英', '1940/3/2', '', '高龄、低保'],
];

describe('roster preview', () => {
  it('lists every row as 新增 or refused with its reason in Chinese, and writes nothing to the roster', async () => {
    const { c, roster } = await setup();
    const csv = rosterCsv([
      ...GOOD,
      ['9号楼', '1单元', '101', '张三', '1950-01-01', '', ''],
      ['1号楼', '1单元', '303', '赵四', '1950-13-01', '', ''],
      ['1号楼', '1单元', '302', '王桂芳', '1956-04-12', '', ''],
      ['2号楼', '1单元', '201', '钱五', '1950-01-01', '1381234', ''],
      ['2号楼', '1单元', '202', '孙六', '', '', '贫困'],
      ['2号楼', '3单元', '203', '周七', '', '', ''],
      ['2号楼', '1单元', '', '吴八', '', '', ''],
    ]);
    const res = await roster.preview(csv);
    expect(res.status).toBe(201);
    expect(res.body.import).toMatchObject({
      status: 'previewed',
      counts: { create: 2, update: 0, unchanged: 0, refused: 7 },
    });
    const byLine = new Map(res.body.rows.map((r: any) => [r.line, r]));
    expect(byLine.get(2)).toMatchObject({
      outcome: 'create',
      building: '1号楼',
      unit: '1单元',
      room: '302',
      phoneMasked: '138****5678',
      tags: ['独居'],
    });
    expect(byLine.get(3)).toMatchObject({
      outcome: 'create',
      building: '1号楼',
      unit: '2单元',
      room: '101',
      birthDate: '1940-03-02',
      tags: ['高龄', '低保'],
    });
    const reasons = res.body.rows
      .filter((r: any) => r.outcome === 'refused')
      .map((r: any) => [r.line, r.reasonCode, r.reason]);
    expect(reasons).toEqual([
      [4, 'UNKNOWN_BUILDING', '未知楼栋「9号楼」'],
      [5, 'DATE_INVALID', expect.stringContaining('日期格式不对')],
      [6, 'DUPLICATE_PERSON', '重复的人：与第 2 行是同一户的同一人'],
      [7, 'PHONE_INVALID', expect.stringContaining('手机号不对')],
      [8, 'TAG_UNKNOWN', expect.stringContaining('未知标签「贫困」')],
      [9, 'UNKNOWN_UNIT', '2号楼没有「3单元」'],
      [10, 'MISSING_FIELD', '缺少房号'],
    ]);
    expect((await roster.list()).body.people).toEqual([]);
    const stored = await rosterItems(c.communityId);
    expect(stored.some((i) => String(i.pk).startsWith(rosterKey.partition(c.communityId)))).toBe(false);
    // The preview keeps parsed rows (never the file) with a time to live.
    expect(stored.every((i) => typeof i.expiresAt === 'number')).toBe(true);
  });

  it('reads a GBK-encoded CSV as Excel on Chinese Windows saves it, and an XLSX', async () => {
    const { roster } = await setup();
    const gbk = iconv.encode(rosterCsv(GOOD), 'gbk');
    const fromGbk = await roster.preview(gbk);
    expect(fromGbk.status).toBe(201);
    expect(fromGbk.body.rows.map((r: any) => r.name)).toEqual(['王桂芳', '李秀英']);

    const { Workbook } = await import('exceljs');
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['楼号', '单元号', '门牌号', '居民姓名', '出生日期', '联系电话', '人员类别']);
    sheet.addRow(['1号楼', '1单元', 302, '王桂芳', new Date(Date.UTC(1956, 3, 12)), 13812345678, '独居']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const fromXlsx = await roster.preview(xlsx, '台账.xlsx');
    expect(fromXlsx.status).toBe(201);
    expect(fromXlsx.body.rows[0]).toMatchObject({
      outcome: 'create',
      room: '302',
      birthDate: '1956-04-12',
      phoneMasked: '138****5678',
      tags: ['独居'],
    });
  });

  it.each([
    ['an empty file', '', '台账.csv', 400, 'ROSTER_FILE_EMPTY'],
    ['a header without rows', rosterCsv([]), '台账.csv', 400, 'ROSTER_FILE_EMPTY'],
    ['missing columns', '楼栋,姓名\r\n1号楼,王桂芳\r\n', '台账.csv', 400, 'ROSTER_COLUMNS_MISSING'],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), '台账.xls', 415, 'ROSTER_FILE_TYPE'],
    [
      'a picture',
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), Buffer.alloc(64)]),
      'a.png',
      415,
      'ROSTER_FILE_TYPE',
    ],
    ['a file over 2 MB', Buffer.alloc(2 * 1024 * 1024 + 1, 0x41), '台账.csv', 413, 'ROSTER_FILE_TOO_LARGE'],
  ])('refuses %s with a clear error and writes nothing', async (_what, content, fileName, status, code) => {
    const { c, roster } = await setup();
    const res = await roster.preview(content, fileName);
    expect([res.status, res.body.error.code]).toEqual([status, code]);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await rosterItems(c.communityId)).toEqual([]);
  });

  it('names the missing columns', async () => {
    const { roster } = await setup();
    const res = await roster.preview('楼栋,姓名,手机\r\n1号楼,王桂芳,13812345678\r\n');
    expect(res.body.error).toMatchObject({
      message: '表格缺少必需的列：单元、房号',
      details: { missing: ['单元', '房号'] },
    });
  });

  it('answers 403 to staff of another community, on preview, confirm and list alike', async () => {
    const { c, roster } = await setup();
    const preview = await roster.preview(rosterCsv(GOOD));
    const other = await createCommunity();
    const outsider = await userWithGrants(api, [{ role: 'staff', communityId: other.communityId }]);
    const theirs = rosterCalls(api, c.communityId, outsider.accessToken);
    for (const res of [
      await theirs.preview(rosterCsv(GOOD)),
      await theirs.confirm(preview.body.import.importId),
      await theirs.list(),
    ]) {
      expect([res.status, res.body.error.code]).toEqual([403, 'OUT_OF_SCOPE']);
    }
    expect((await roster.job(preview.body.import.importId)).body.status).toBe('previewed');
  });
});

describe('roster confirm', () => {
  it('writes the previewed rows; the same file again changes nothing; a corrected file updates what changed', async () => {
    const { roster } = await setup();
    const first = await roster.preview(rosterCsv(GOOD));
    const done = await roster.confirm(first.body.import.importId);
    expect(done.body).toMatchObject({ status: 'done', rowsToWrite: 2, rowsWritten: 2 });
    const listed = (await roster.list()).body.people;
    expect(listed.map((p: any) => [p.buildingName, p.unitName, p.room, p.name, p.phoneMasked])).toEqual([
      ['1号楼', '1单元', '302', '王桂芳', '138****5678'],
      ['1号楼', '2单元', '101', '李秀英', undefined],
    ]);
    expect(JSON.stringify(listed)).not.toContain('13812345678');

    const again = await roster.preview(rosterCsv(GOOD));
    expect(again.body.import).toMatchObject({
      importId: first.body.import.importId,
      counts: { create: 0, update: 0, unchanged: 2, refused: 0 },
      rowsToWrite: 0,
    });
    expect((await roster.confirm(again.body.import.importId)).body).toMatchObject({ status: 'done', rowsWritten: 0 });
    expect((await roster.list()).body.people).toEqual(listed);

    const corrected = rosterCsv([GOOD[0]!.map((cell, i) => (i === 5 ? '13900001111' : cell)), GOOD[1]!]);
    const preview = await roster.preview(corrected);
    expect(preview.body.rows.map((r: any) => [r.outcome, r.changes])).toEqual([
      ['update', ['手机']],
      ['unchanged', undefined],
    ]);
    expect((await roster.confirm(preview.body.import.importId)).body).toMatchObject({ status: 'done', rowsWritten: 1 });
    const after = (await roster.list('?name=王桂芳')).body.people;
    expect(after).toHaveLength(1);
    expect(after[0].phoneMasked).toBe('139****1111');
  });

  it('imports 600 rows once however many confirms arrive at the same moment', async () => {
    const { c, roster } = await setup();
    const preview = await roster.preview(rosterCsv(manyRows(600)));
    expect(preview.body.import.counts.create).toBe(600);
    const id = preview.body.import.importId;
    const answers = await Promise.all([roster.confirm(id), roster.confirm(id), roster.confirm(id), roster.confirm(id)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    let job = (await roster.job(id)).body;
    // A confirm that lost the race answers the job as it stands; if it finished first, it is done.
    for (let i = 0; job.status === 'applying' && i < 50; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await roster.job(id)).body;
    }
    expect(job).toMatchObject({ status: 'done', rowsToWrite: 600, rowsWritten: 600 });
    const people = await scanWhere('pk = :p', { ':p': rosterKey.partition(c.communityId) });
    expect(people).toHaveLength(600);
  });

  it('records where an import stands when a batch fails mid-way, and a second confirm finishes it', async () => {
    const { c, roster } = await setup();
    const preview = await roster.preview(rosterCsv(manyRows(500, '137')));
    const id = preview.body.import.importId;
    let batches = 0;
    const failThird = 'linliTestFailThirdRosterBatch';
    documentClient.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { RequestItems?: Record<string, { PutRequest?: { Item?: { pk?: string } } }[]> };
        const first = Object.values(input.RequestItems ?? {})[0]?.[0]?.PutRequest?.Item?.pk;
        if (first === rosterKey.partition(c.communityId)) {
          batches += 1;
          if (batches === 3)
            throw Object.assign(new Error('test fault: DynamoDB went away'), { name: 'InternalServerError' });
        }
        return next(args);
      },
      { step: 'initialize', name: failThird },
    );
    let interrupted;
    try {
      interrupted = (await roster.confirm(id)).body;
    } finally {
      documentClient.middlewareStack.remove(failThird);
    }
    expect(interrupted.status).toBe('interrupted');
    expect(interrupted.rowsWritten).toBeLessThan(500);
    expect(interrupted.rowsWritten % 100).toBe(0);
    expect((await roster.job(id)).body).toMatchObject({ status: 'interrupted', rowsWritten: interrupted.rowsWritten });

    const resumed = await roster.confirm(id);
    expect(resumed.body).toMatchObject({ status: 'done', rowsToWrite: 500, rowsWritten: 500 });
    expect(await scanWhere('pk = :p', { ':p': rosterKey.partition(c.communityId) })).toHaveLength(500);
    // The parsed rows are gone once applied: only the job (counts, no personal data) stays.
    const left = await scanWhere('begins_with(pk, :p)', { ':p': rosterKey.job(c.communityId, '').pk });
    expect(left.map((i) => i.sk)).toEqual(['META']);
  });

  it('gives a full phone only on a reveal, which is written to the audit list first', async () => {
    const { c, staff, roster } = await setup();
    const preview = await roster.preview(rosterCsv(GOOD));
    await roster.confirm(preview.body.import.importId);
    const [wang, li] = (await roster.list()).body.people;
    const path = `/community/${c.communityId}/roster/people`;
    const revealed = await api.call<any>('POST', `${path}/${wang.personId}/phone`, {
      token: staff.accessToken,
      body: {},
    });
    expect(revealed.body).toEqual({ name: '王桂芳', phone: '13812345678' });
    const audit = await scanWhere('begins_with(sk, :a) AND communityId = :c', {
      ':a': onboardingKey.roleAuditPrefix,
      ':c': c.communityId,
    });
    expect(audit.map((a) => [a.action, a.name, a.byName])).toEqual([['phone-revealed', '王桂芳', '刘晶']]);
    const none = await api.call<any>('POST', `${path}/${li.personId}/phone`, { token: staff.accessToken, body: {} });
    expect([none.status, none.body.error.code]).toEqual([404, 'ROSTER_PERSON_NOT_FOUND']);
  });

  it('carries roster tags to a person who is already a member', async () => {
    const { c, roster } = await setup();
    const member = await residentMember(c, { buildingId: 'b1', name: '刘淑珍', room: '101' });
    const preview = await roster.preview(
      rosterCsv([['1号楼', '1单元', '101', '刘淑珍', '1944-05-05', '', '独居,高龄']]),
    );
    await roster.confirm(preview.body.import.importId);
    const [item] = await scanWhere('pk = :pk AND sk = :sk', { ':pk': key.member(member.memberId).pk, ':sk': 'META' });
    expect(item!.tags).toEqual(['独居', '高龄']);
  });
});

describe('applications matched against the roster', () => {
  const APPLY = { buildingId: 'b1', unitId: 'u1', room: '302', realName: '王桂芳', birthDate: '1956-04-12' };

  async function withRoster() {
    const f = await setup();
    const preview = await f.roster.preview(
      rosterCsv([GOOD[0]!, ['1号楼', '1单元', '302', '张建国', '1950-02-02', '', '']]),
    );
    await f.roster.confirm(preview.body.import.importId);
    return f;
  }

  it('approves at once when name, room and the phone’s last 4 digits match, with the match on the application and the tags on the member', async () => {
    const { c, roster } = await withRoster();
    const user = await newWechatUser(api, 'wgf');
    const res = await api.call<any>('POST', '/memberships', {
      token: user.accessToken,
      headers: idem(),
      body: { ...APPLY, communityId: c.communityId, phone: '13600005678' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'approved',
      rosterMatch: { name: '王桂芳', matchedOn: ['name', 'room', 'phone4'] },
    });
    const refreshed = await api.call<any>('POST', '/auth/refresh', { body: { refreshToken: user.refreshToken } });
    const me = await api.call<any>('GET', '/me', { token: refreshed.body.accessToken });
    expect(me.body.member).toMatchObject({ realName: '王桂芳', status: 'verified', room: '302' });
    const [member] = await scanWhere('pk = :pk AND sk = :sk', {
      ':pk': key.member(me.body.member.memberId).pk,
      ':sk': 'META',
    });
    expect(member!.tags).toEqual(['独居']);
    const person = (await roster.list('?name=王桂芳')).body.people[0];
    expect(person.memberId).toBe(me.body.member.memberId);
  });

  it('sends a wrong phone to the queue, where staff see the household’s roster rows, closest name first', async () => {
    const { c, staff } = await withRoster();
    const user = await newWechatUser(api, 'wgf2');
    const res = await api.call<any>('POST', '/memberships', {
      token: user.accessToken,
      headers: idem(),
      body: { ...APPLY, realName: '王桂方', communityId: c.communityId, phone: '13600009999' },
    });
    expect(res.body.status).toBe('pending');
    expect(res.body.rosterMatch).toBeUndefined();
    const queue = await api.call<any>('GET', `/community/${c.communityId}/applications`, { token: staff.accessToken });
    const mine = queue.body.items.find((a: any) => a.applicationId === res.body.applicationId);
    expect(mine.rosterCandidates.map((p: any) => [p.name, p.room, p.phoneMasked])).toEqual([
      ['王桂芳', '302', '138****5678'],
      ['张建国', '302', undefined],
    ]);
  });

  it('approves at once without a phone check when the roster has no phone for the person', async () => {
    const { c } = await withRoster();
    const user = await newWechatUser(api, 'zjg');
    const res = await api.call<any>('POST', '/memberships', {
      token: user.accessToken,
      headers: idem(),
      body: { ...APPLY, realName: '张建国', birthDate: '1950-02-02', communityId: c.communityId, phone: '13600001234' },
    });
    expect(res.body).toMatchObject({ status: 'approved', rosterMatch: { matchedOn: ['name', 'room'] } });
  });
});
