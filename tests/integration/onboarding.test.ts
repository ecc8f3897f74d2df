import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { key } from '../../functions/src/table';
import { onboardingKey } from '../../functions/src/onboarding/items';
import { TestApi } from '../helpers/api';
import { idem, newWechatUser, type SignedIn } from '../helpers/fixtures';
import {
  accept,
  adminUser,
  appointOperator,
  appointStaff,
  createStreet,
  createStreetCommunity,
  staffInvite,
} from '../helpers/onboarding-fixtures';

const api = new TestApi();
let admin: SignedIn;
beforeAll(async () => {
  await api.start();
  admin = await adminUser(api);
});
afterAll(() => api.stop());

const grantsOf = async (userId: string) =>
  ((await documentClient.send(new GetCommand({ TableName: tableName, Key: key.user(userId), ConsistentRead: true })))
    .Item?.grants ?? []) as unknown[];

describe('street offices', () => {
  it('lets the admin create a street that newcomers then find in the public list', async () => {
    const street = await createStreet(api, admin);
    const list = await api.call<any>('GET', '/streets');
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(street.id);
  });

  it('refuses a second street of the same name in the same district', async () => {
    const street = await createStreet(api, admin);
    const again = await api.call<any>('POST', '/streets', {
      token: admin.accessToken,
      body: { name: street.name, city: '银川市', district: '金凤区' },
      headers: idem(),
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('STREET_NAME_TAKEN');
  });

  it('lets the operator create and rename communities of their street, listed publicly under it', async () => {
    const street = await createStreet(api, admin);
    const operator = await appointOperator(api, admin, street.id);
    const community = await createStreetCommunity(api, operator, street.id);
    expect(community.streetId).toBe(street.id);

    const renamed = await api.call<any>('PATCH', `/streets/${street.id}/communities/${community.id}`, {
      token: operator.accessToken,
      body: { name: '新华苑北社区' },
      headers: idem(),
    });
    expect(renamed.status).toBe(200);
    const listed = await api.call<any>('GET', `/streets/${street.id}/communities`);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: community.id, name: '新华苑北社区' })]);
    const structure = await api.call<any>('GET', `/community/${community.id}`);
    expect(structure.status).toBe(200);
    expect(structure.body.name).toBe('新华苑北社区');
  });

  it('keeps an operator of street A out of street B, even through their own street path', async () => {
    const [streetA, streetB] = [await createStreet(api, admin), await createStreet(api, admin)];
    const operatorA = await appointOperator(api, admin, streetA.id);
    const operatorB = await appointOperator(api, admin, streetB.id);
    const communityB = await createStreetCommunity(api, operatorB, streetB.id);

    const create = await api.call<any>('POST', `/streets/${streetB.id}/communities`, {
      token: operatorA.accessToken,
      body: { name: '越界社区', address: '某路 1 号' },
      headers: idem(),
    });
    expect(create.status).toBe(403);
    expect(create.body.error.code).toBe('OUT_OF_STREET');
    const sideways = await api.call<any>('PATCH', `/streets/${streetA.id}/communities/${communityB.id}`, {
      token: operatorA.accessToken,
      body: { name: '越界改名' },
      headers: idem(),
    });
    expect(sideways.status).toBe(404);
    const inviteSideways = await api.call<any>(
      'POST',
      `/streets/${streetA.id}/communities/${communityB.id}/staff-invites`,
      { token: operatorA.accessToken, body: { inviteeName: '王小明' }, headers: idem() },
    );
    expect(inviteSideways.status).toBe(404);
    const holders = await api.call<any>('GET', `/streets/${streetB.id}/role-holders`, { token: operatorA.accessToken });
    expect(holders.status).toBe(403);
    expect((await api.call<any>('GET', `/community/${communityB.id}`)).body.name).toBe('新华苑社区');
  });
});

describe('appointment by invite', () => {
  it('lets the admin invite another platform admin, who can then create streets', async () => {
    const invite = await api.call<any>('POST', '/platform/invites', {
      token: admin.accessToken,
      body: { inviteeName: '周文静' },
      headers: idem(),
    });
    const invitee = await newWechatUser(api, 'admin2');
    const session = await accept(api, invitee, invite.body.code);
    const street = await api.call<any>('POST', '/streets', {
      token: session.body.accessToken,
      body: { name: `宁安街道${Date.now().toString(36)}`, city: '银川市', district: '兴庆区' },
      headers: idem(),
    });

    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ role: 'admin', inviteeName: '周文静', status: 'open' });
    expect(session.status).toBe(200);
    expect(await grantsOf(invitee.userId)).toContainEqual({ role: 'admin' });
    expect(street.status).toBe(201);
  });

  it('makes a staff member of the community, who then works there and nowhere else', async () => {
    const street = await createStreet(api, admin);
    const operator = await appointOperator(api, admin, street.id);
    const community = await createStreetCommunity(api, operator, street.id);
    const other = await createStreetCommunity(api, operator, street.id, '另一个社区');
    const invite = await staffInvite(api, operator, street.id, community.id);
    expect(invite.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(invite.link).toContain(invite.code);
    const hours = (Date.parse(invite.validUntil) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);

    const user = await newWechatUser(api, 'staff');
    const preview = await api.call<any>('GET', `/invites/${invite.code.toLowerCase()}`, { token: user.accessToken });
    expect(preview.body).toMatchObject({ role: 'staff', communityName: '新华苑社区', status: 'open' });
    const session = await accept(api, user, invite.code);
    expect(session.status).toBe(200);

    const own = await api.call<any>('GET', `/community/${community.id}/applications`, {
      token: session.body.accessToken,
    });
    expect(own.status).toBe(200);
    const elsewhere = await api.call<any>('GET', `/community/${other.id}/applications`, {
      token: session.body.accessToken,
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.code).toBe('OUT_OF_SCOPE');
  });

  it('grants once when five people accept the same invite at the same moment', async () => {
    const street = await createStreet(api, admin);
    const operator = await appointOperator(api, admin, street.id);
    const community = await createStreetCommunity(api, operator, street.id);
    const invite = await staffInvite(api, operator, street.id, community.id);
    const users = await Promise.all([1, 2, 3, 4, 5].map(() => newWechatUser(api, 'race')));

    const answers = await Promise.all(users.map((u) => accept(api, u, invite.code)));

    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused.map((a) => [a.status, a.body.error.code])).toEqual(Array(4).fill([409, 'INVITE_USED']));
    const granted = (await Promise.all(users.map((u) => grantsOf(u.userId)))).filter((g) => g.length > 0);
    expect(granted).toEqual([[{ role: 'staff', communityId: community.id, streetId: street.id }]]);
    const holders = await api.call<any>('GET', `/streets/${street.id}/role-holders`, { token: operator.accessToken });
    expect(holders.body.items.filter((h: { role: string }) => h.role === 'staff')).toHaveLength(1);
  });

  it('refuses forged, used, revoked and expired invites with their own Chinese message, granting nothing', async () => {
    const street = await createStreet(api, admin);
    const operator = await appointOperator(api, admin, street.id);
    const community = await createStreetCommunity(api, operator, street.id);
    const user = await newWechatUser(api, 'refused');

    const forged = await accept(api, user, 'ABCDEFGH');
    expect([forged.status, forged.body.error.code]).toEqual([404, 'INVITE_NOT_FOUND']);
    expect(forged.body.error.message).toContain('邀请码无效');
    const malformed = await accept(api, user, 'abc');
    expect(malformed.status).toBe(400);

    const used = await staffInvite(api, operator, street.id, community.id);
    await accept(api, await newWechatUser(api, 'first'), used.code);
    const second = await accept(api, user, used.code);
    expect([second.status, second.body.error.code]).toEqual([409, 'INVITE_USED']);
    expect(second.body.error.message).toContain('已被使用');

    const revoked = await staffInvite(api, operator, street.id, community.id);
    const revoke = await api.call<any>('POST', `/streets/${street.id}/invites/${revoked.code}/revoke`, {
      token: operator.accessToken,
      headers: idem(),
    });
    expect(revoke.body.status).toBe('revoked');
    const afterRevoke = await accept(api, user, revoked.code);
    expect([afterRevoke.status, afterRevoke.body.error.code]).toEqual([409, 'INVITE_REVOKED']);
    expect(afterRevoke.body.error.message).toContain('已被撤销');

    const expired = await staffInvite(api, operator, street.id, community.id);
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: onboardingKey.invite(expired.code),
        UpdateExpression: 'SET validUntil = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
      }),
    );
    const late = await accept(api, user, expired.code);
    expect([late.status, late.body.error.code]).toEqual([409, 'INVITE_EXPIRED']);
    expect(late.body.error.message).toContain('72 小时');

    expect(await grantsOf(user.userId)).toEqual([]);
  });

  it('refuses a second acceptance of the same role by the same person', async () => {
    const street = await createStreet(api, admin);
    const operator = await appointOperator(api, admin, street.id);
    const community = await createStreetCommunity(api, operator, street.id);
    const staff = await appointStaff(api, operator, street.id, community.id);
    const again = await staffInvite(api, operator, street.id, community.id);
    const res = await accept(api, staff, again.code);
    expect([res.status, res.body.error.code]).toEqual([409, 'ALREADY_HOLDS_ROLE']);
  });
});

describe('removal and audit', () => {
  it('removes a staff member: the refresh token stops at once and the audit lists every step', async () => {
    const street = await createStreet(api, admin);
    const operator = await appointOperator(api, admin, street.id);
    const community = await createStreetCommunity(api, operator, street.id);
    const staff = await appointStaff(api, operator, street.id, community.id);

    const removed = await api.call<any>('POST', `/streets/${street.id}/role-holders/revoke`, {
      token: operator.accessToken,
      body: { userId: staff.userId, role: 'staff', communityId: community.id },
      headers: idem(),
    });
    expect(removed.status).toBe(200);
    const refresh = await api.call<any>('POST', '/auth/refresh', { body: { refreshToken: staff.refreshToken } });
    expect([refresh.status, refresh.body.error.code]).toEqual([401, 'REFRESH_TOKEN_INVALID']);
    expect(await grantsOf(staff.userId)).toEqual([]);

    const holders = await api.call<any>('GET', `/streets/${street.id}/role-holders`, { token: operator.accessToken });
    expect(holders.body.items.map((h: { role: string }) => h.role)).toEqual(['street']);
    const audit = await api.call<any>('GET', `/streets/${street.id}/role-audit`, { token: operator.accessToken });
    const steps = audit.body.items.map((a: { action: string; role: string }) => `${a.action}:${a.role}`);
    expect(steps).toEqual(['removed:staff', 'appointed:staff', 'invited:staff', 'appointed:street', 'invited:street']);
    expect(audit.body.items[0]).toMatchObject({ name: '李淑芬', communityName: '新华苑社区' });

    const twice = await api.call<any>('POST', `/streets/${street.id}/role-holders/revoke`, {
      token: operator.accessToken,
      body: { userId: staff.userId, role: 'staff', communityId: community.id },
      headers: idem(),
    });
    expect([twice.status, twice.body.error.code]).toEqual([404, 'ROLE_HOLDER_NOT_FOUND']);
  });

  it('lets only the platform admin remove a street operator', async () => {
    const street = await createStreet(api, admin);
    const operator = await appointOperator(api, admin, street.id);
    const colleague = await appointOperator(api, admin, street.id);
    const body = { userId: colleague.userId, role: 'street' };

    const byOperator = await api.call<any>('POST', `/streets/${street.id}/role-holders/revoke`, {
      token: operator.accessToken,
      body,
      headers: idem(),
    });
    expect([byOperator.status, byOperator.body.error.code]).toEqual([403, 'STREET_OPERATOR_ADMIN_ONLY']);
    const byAdmin = await api.call<any>('POST', `/streets/${street.id}/role-holders/revoke`, {
      token: admin.accessToken,
      body,
      headers: idem(),
    });
    expect(byAdmin.status).toBe(200);
    expect(await grantsOf(colleague.userId)).toEqual([]);
  });
});
