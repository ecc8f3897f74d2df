import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { identityKey } from '../../functions/src/identity/items';
import { apiForThisFile } from '../helpers/api';
import {
  createCommunity,
  idem,
  newWechatUser,
  userWithGrants,
  type CommunityFixture,
  type SignedIn,
} from '../helpers/fixtures';

const api = apiForThisFile();

const application = (c: CommunityFixture, overrides: Record<string, unknown> = {}) => ({
  communityId: c.communityId,
  buildingId: c.buildings.b1,
  unitId: 'u1',
  room: '302',
  realName: '王桂芳',
  birthDate: '1948-03-15',
  phone: '13895012345',
  ...overrides,
});

async function apply(user: SignedIn, body: Record<string, unknown>) {
  return api.call<any>('POST', '/memberships', { token: user.accessToken, body, headers: idem() });
}

async function decide(staff: SignedIn, c: CommunityFixture, applicationId: string, decision: Record<string, unknown>) {
  return api.call<any>('POST', `/community/${c.communityId}/applications/${applicationId}/decision`, {
    token: staff.accessToken,
    body: decision,
    headers: idem(),
  });
}

/** A resident approved by staff, with a token that carries the resident grant. */
async function approvedResident(c: CommunityFixture, staff: SignedIn, overrides: Record<string, unknown> = {}) {
  const user = await newWechatUser(api, 'res');
  const applied = await apply(user, application(c, overrides));
  await decide(staff, c, applied.body.applicationId, { decision: 'approve' });
  const refreshed = await api.call<any>('POST', '/auth/refresh', { body: { refreshToken: user.refreshToken } });
  return { ...user, accessToken: refreshed.body.accessToken as string };
}

describe('login', () => {
  it('creates a user on first WeChat login and finds the same user the next time', async () => {
    const first = await newWechatUser(api);
    const again = await api.call<any>('POST', '/auth/wechat', { body: { code: first.code } });
    expect(again.status).toBe(200);
    expect(again.body.userId).toBe(first.userId);
    expect(JSON.stringify(again.body)).not.toContain('openid');
  });

  it('creates exactly one user when the same new user logs in ten times at once', async () => {
    const code = `dev:burst-${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => api.call<any>('POST', '/auth/wechat', { body: { code } })),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.body.userId)).size).toBe(1);
  });

  it('refuses a code that is not a WeChat login code with 401', async () => {
    const res = await api.call<any>('POST', '/auth/wechat', { body: { code: 'not-a-code' } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('WECHAT_CODE_INVALID');
  });

  it('refuses a forged refresh token', async () => {
    const res = await api.call<any>('POST', '/auth/refresh', { body: { refreshToken: 'a.b.c' } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('revokes every refresh token on logout', async () => {
    const user = await newWechatUser(api);
    const out = await api.call<any>('POST', '/auth/logout', { token: user.accessToken });
    expect(out.status).toBe(204);
    const refresh = await api.call<any>('POST', '/auth/refresh', { body: { refreshToken: user.refreshToken } });
    expect(refresh.status).toBe(401);
    expect(refresh.body.error.code).toBe('REFRESH_TOKEN_INVALID');
    const again = await api.call<any>('POST', '/auth/wechat', { body: { code: user.code } });
    const fresh = await api.call<any>('POST', '/auth/refresh', { body: { refreshToken: again.body.refreshToken } });
    expect(fresh.status).toBe(200);
  });

  it('lists the demo logins in dev mode', async () => {
    const res = await api.call<any>('GET', '/auth/dev-logins');
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.users)).toBe(true);
  });
});

describe('membership', () => {
  let c: CommunityFixture;
  let staff: SignedIn;
  beforeEach(async () => {
    c = await createCommunity();
    staff = await userWithGrants(api, [{ role: 'staff', communityId: c.communityId }], '刘晶');
  });

  it('takes an application, shows it pending to the resident and queues it for staff', async () => {
    const user = await newWechatUser(api);
    const applied = await apply(user, application(c));
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({
      status: 'pending',
      buildingName: '1号楼',
      unitName: '1单元',
      phoneMasked: '138****2345',
    });
    expect(JSON.stringify(applied.body)).not.toContain('13895012345');

    const me = await api.call<any>('GET', '/me', { token: user.accessToken });
    expect(me.body.latestApplication).toMatchObject({ applicationId: applied.body.applicationId, status: 'pending' });
    expect(me.body.member).toBeNull();

    const queue = await api.call<any>('GET', `/community/${c.communityId}/applications`, { token: staff.accessToken });
    expect(queue.body.items.map((a: any) => a.applicationId)).toEqual([applied.body.applicationId]);
    expect(queue.body.items[0].overdue).toBe(false);
  });

  it('lists the staff queue oldest first', async () => {
    const a = await newWechatUser(api);
    const b = await newWechatUser(api);
    const first = await apply(a, application(c, { room: '101' }));
    const second = await apply(b, application(c, { room: '102' }));
    const queue = await api.call<any>('GET', `/community/${c.communityId}/applications`, { token: staff.accessToken });
    expect(queue.body.items.map((x: any) => x.applicationId)).toEqual([
      first.body.applicationId,
      second.body.applicationId,
    ]);
  });

  it('approves: the resident gains the resident role scoped to the building and sees it in 我的', async () => {
    const user = await newWechatUser(api);
    const applied = await apply(user, application(c));
    const decided = await decide(staff, c, applied.body.applicationId, { decision: 'approve' });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('approved');

    const refreshed = await api.call<any>('POST', '/auth/refresh', { body: { refreshToken: user.refreshToken } });
    const me = await api.call<any>('GET', '/me', { token: refreshed.body.accessToken });
    expect(me.body.name).toBe('王桂芳');
    expect(me.body.member).toMatchObject({ buildingName: '1号楼', unitName: '1单元', room: '302', status: 'verified' });
    expect(me.body.grants).toEqual([
      { role: 'resident', communityId: c.communityId, buildingId: 'b1', memberId: me.body.member.memberId },
    ]);
  });

  it('refuses a second application while one is pending, and after approval', async () => {
    const user = await newWechatUser(api);
    const first = await apply(user, application(c));
    const again = await apply(user, application(c, { room: '999' }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('APPLICATION_PENDING');
    await decide(staff, c, first.body.applicationId, { decision: 'approve' });
    const afterApproval = await apply(user, application(c));
    expect(afterApproval.status).toBe(409);
    expect(afterApproval.body.error.code).toBe('ALREADY_MEMBER');
  });

  it('rejects with a reason the resident sees, and lets them apply again', async () => {
    const user = await newWechatUser(api);
    const first = await apply(user, application(c));
    const rejected = await decide(staff, c, first.body.applicationId, {
      decision: 'reject',
      reason: '门牌号与登记不符',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: '门牌号与登记不符' });
    const me = await api.call<any>('GET', '/me', { token: user.accessToken });
    expect(me.body.latestApplication).toMatchObject({ status: 'rejected', reason: '门牌号与登记不符' });
    const again = await apply(user, application(c, { room: '303' }));
    expect(again.status).toBe(201);
  });

  it('refuses a rejection without a reason', async () => {
    const user = await newWechatUser(api);
    const first = await apply(user, application(c));
    const res = await decide(staff, c, first.body.applicationId, { decision: 'reject' });
    expect(res.status).toBe(400);
  });

  it('refuses to decide an already decided application with 409 and changes nothing', async () => {
    const user = await newWechatUser(api);
    const first = await apply(user, application(c));
    await decide(staff, c, first.body.applicationId, { decision: 'approve' });
    const again = await decide(staff, c, first.body.applicationId, { decision: 'reject', reason: '重复处理' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_DECIDED');
    const stored = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: identityKey.application(first.body.applicationId) }),
    );
    expect(stored.Item?.status).toBe('approved');
  });

  it('lets exactly one of an approval and a rejection racing each other win', async () => {
    const user = await newWechatUser(api);
    const first = await apply(user, application(c));
    const other = await userWithGrants(api, [{ role: 'staff', communityId: c.communityId }]);
    const [a, b] = await Promise.all([
      decide(staff, c, first.body.applicationId, { decision: 'approve' }),
      decide(other, c, first.body.applicationId, { decision: 'reject', reason: '信息不全' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const lock = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: identityKey.membershipLock(user.userId) }),
    );
    const winner = a.status === 200 ? 'approved' : 'rejected';
    if (winner === 'approved') expect(lock.Item?.status).toBe('approved');
    else expect(lock.Item).toBeUndefined();
  });

  it('keeps staff of another community out of the queue and the decision', async () => {
    const user = await newWechatUser(api);
    const applied = await apply(user, application(c));
    const elsewhere = await createCommunity();
    const outsider = await userWithGrants(api, [{ role: 'staff', communityId: elsewhere.communityId }]);
    const queue = await api.call<any>('GET', `/community/${c.communityId}/applications`, {
      token: outsider.accessToken,
    });
    expect(queue.status).toBe(403);
    const res = await decide(outsider, c, applied.body.applicationId, { decision: 'approve' });
    expect(res.status).toBe(403);
    const viaOwnCommunity = await decide(outsider, elsewhere, applied.body.applicationId, { decision: 'approve' });
    expect(viaOwnCommunity.status).toBe(404);
  });

  it('refuses an unknown building or unit, and a birth date in the future', async () => {
    const user = await newWechatUser(api);
    expect((await apply(user, application(c, { buildingId: 'nope' }))).status).toBe(404);
    expect((await apply(user, application(c, { unitId: 'u9' }))).status).toBe(404);
    const future = await apply(user, application(c, { birthDate: '2999-01-01' }));
    expect(future.status).toBe(422);
    expect(future.body.error.code).toBe('BIRTH_DATE_INVALID');
    const me = await api.call<any>('GET', '/me', { token: user.accessToken });
    expect(me.body.latestApplication).toBeNull();
  });

  it('refuses a malformed phone number with the field path', async () => {
    const user = await newWechatUser(api);
    const res = await apply(user, application(c, { phone: '12345' }));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'body.phone' })]);
  });
});

describe('dependents (代办) and members without WeChat', () => {
  let c: CommunityFixture;
  let staff: SignedIn;
  beforeEach(async () => {
    c = await createCommunity();
    staff = await userWithGrants(api, [{ role: 'staff', communityId: c.communityId }], '刘晶');
  });

  async function registerElder(overrides: Record<string, unknown> = {}) {
    const res = await api.call<any>('POST', `/community/${c.communityId}/members`, {
      token: staff.accessToken,
      headers: idem(),
      body: { buildingId: 'b1', unitId: 'u1', room: '302', realName: '李秀英', birthDate: '1940-08-02', ...overrides },
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('lets staff register a member without WeChat and list them by building', async () => {
    const elder = await registerElder();
    expect(elder).toMatchObject({ realName: '李秀英', hasWeChat: false, status: 'verified', buildingName: '1号楼' });
    const list = await api.call<any>('GET', `/community/${c.communityId}/members?buildingId=b1`, {
      token: staff.accessToken,
    });
    expect(list.body.members.map((m: any) => m.memberId)).toContain(elder.memberId);
    const otherBuilding = await api.call<any>('GET', `/community/${c.communityId}/members?buildingId=b2`, {
      token: staff.accessToken,
    });
    expect(otherBuilding.body.members.map((m: any) => m.memberId)).not.toContain(elder.memberId);
  });

  it('links an elder of the same household once staff confirm, and then lets the caregiver act for them', async () => {
    const elder = await registerElder();
    const caregiver = await approvedResident(c, staff);
    const household = await api.call<any>('GET', '/me/household', { token: caregiver.accessToken });
    expect(household.body.members.map((m: any) => m.memberId)).toEqual([elder.memberId]);

    const requested = await api.call<any>('POST', '/dependents', {
      token: caregiver.accessToken,
      headers: idem(),
      body: { memberId: elder.memberId, relation: '父母' },
    });
    expect(requested.status).toBe(201);
    expect(requested.body.status).toBe('pending');
    const before = await api.call<any>('GET', `/members/${elder.memberId}`, { token: caregiver.accessToken });
    expect(before.status).toBe(403);

    const queue = await api.call<any>('GET', `/community/${c.communityId}/dependent-links`, {
      token: staff.accessToken,
    });
    expect(queue.body.items.map((l: any) => l.linkId)).toEqual([requested.body.linkId]);
    const confirmed = await api.call<any>(
      'POST',
      `/community/${c.communityId}/dependent-links/${requested.body.linkId}/decision`,
      { token: staff.accessToken, headers: idem(), body: { decision: 'approve' } },
    );
    expect(confirmed.body.status).toBe('active');

    const card = await api.call<any>('GET', `/members/${elder.memberId}`, { token: caregiver.accessToken });
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({ realName: '李秀英', age: expect.any(Number), hasWeChat: false });
    const me = await api.call<any>('GET', '/me', { token: caregiver.accessToken });
    expect(me.body.dependents).toEqual([
      expect.objectContaining({
        status: 'active',
        relation: '父母',
        dependent: expect.objectContaining({ memberId: elder.memberId }),
      }),
    ]);
  });

  it('refuses to link a member of another household', async () => {
    const elsewhere = await registerElder({ room: '501' });
    const caregiver = await approvedResident(c, staff);
    const res = await api.call<any>('POST', '/dependents', {
      token: caregiver.accessToken,
      headers: idem(),
      body: { memberId: elsewhere.memberId, relation: '父母' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('DEPENDENT_NOT_SAME_HOUSEHOLD');
    const queue = await api.call<any>('GET', `/community/${c.communityId}/dependent-links`, {
      token: staff.accessToken,
    });
    expect(queue.body.items).toEqual([]);
  });

  it('refuses to link the same elder twice', async () => {
    const elder = await registerElder();
    const caregiver = await approvedResident(c, staff);
    const body = { memberId: elder.memberId, relation: '父母' };
    const first = await api.call<any>('POST', '/dependents', { token: caregiver.accessToken, headers: idem(), body });
    const second = await api.call<any>('POST', '/dependents', { token: caregiver.accessToken, headers: idem(), body });
    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('DEPENDENT_ALREADY_LINKED');
  });

  it('refuses a dependent link from someone who is not yet a verified resident', async () => {
    const newcomer = await newWechatUser(api);
    const res = await api.call<any>('POST', '/dependents', {
      token: newcomer.accessToken,
      headers: idem(),
      body: { realName: '李秀英', birthDate: '1940-08-02', relation: '父母' },
    });
    expect(res.status).toBe(403);
  });

  it('records a new elder named by the caregiver as pending until staff confirm', async () => {
    const caregiver = await approvedResident(c, staff);
    const requested = await api.call<any>('POST', '/dependents', {
      token: caregiver.accessToken,
      headers: idem(),
      body: { realName: '赵德顺', birthDate: '1938-02-11', relation: '父母' },
    });
    expect(requested.body.dependent).toMatchObject({ status: 'pending', room: '302', buildingId: 'b1' });
    const confirmed = await api.call<any>(
      'POST',
      `/community/${c.communityId}/dependent-links/${requested.body.linkId}/decision`,
      { token: staff.accessToken, headers: idem(), body: { decision: 'approve' } },
    );
    expect(confirmed.body.dependent.status).toBe('verified');
    const card = await api.call<any>('GET', `/members/${requested.body.dependent.memberId}`, {
      token: caregiver.accessToken,
    });
    expect(card.status).toBe(200);
  });

  it('keeps a refused link from granting anything', async () => {
    const elder = await registerElder();
    const caregiver = await approvedResident(c, staff);
    const requested = await api.call<any>('POST', '/dependents', {
      token: caregiver.accessToken,
      headers: idem(),
      body: { memberId: elder.memberId, relation: '子女' },
    });
    const refused = await api.call<any>(
      'POST',
      `/community/${c.communityId}/dependent-links/${requested.body.linkId}/decision`,
      { token: staff.accessToken, headers: idem(), body: { decision: 'reject', reason: '非同户家属' } },
    );
    expect(refused.body).toMatchObject({ status: 'rejected', reason: '非同户家属' });
    const card = await api.call<any>('GET', `/members/${elder.memberId}`, { token: caregiver.accessToken });
    expect(card.status).toBe(403);
  });

  it('lets staff of the community see any member card and keeps other residents out', async () => {
    const elder = await registerElder();
    const staffView = await api.call<any>('GET', `/members/${elder.memberId}`, { token: staff.accessToken });
    expect(staffView.status).toBe(200);
    const neighbour = await approvedResident(c, staff, { room: '701' });
    const neighbourView = await api.call<any>('GET', `/members/${elder.memberId}`, { token: neighbour.accessToken });
    expect(neighbourView.status).toBe(403);
  });
});
