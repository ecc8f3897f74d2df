/** Streets, operators and staff made through the real onboarding routes. */
import type { TestApi } from './api';
import { idem, newWechatUser, userWithGrants, type SignedIn } from './fixtures';
import { freshId } from './ids';

export const adminUser = (api: TestApi) => userWithGrants(api, [{ role: 'admin' }], '平台管理员');

/** A street created by the admin, under a fresh name. */
export async function createStreet(api: TestApi, admin: SignedIn): Promise<{ id: string; name: string }> {
  const res = await api.call<any>('POST', '/streets', {
    token: admin.accessToken,
    body: { name: `满城北街街道${freshId('s').slice(-6)}`, city: '银川市', district: '金凤区' },
    headers: idem(),
  });
  if (res.status !== 201) throw new Error(`createStreet: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Accepts an invite as the user; the answer carries the session with the new grant. */
export const accept = (api: TestApi, user: SignedIn, code: string) =>
  api.call<any>('POST', `/invites/${code}/accept`, { token: user.accessToken });

/** A new WeChat user appointed operator of the street through an admin's invite. */
export async function appointOperator(api: TestApi, admin: SignedIn, streetId: string): Promise<SignedIn> {
  const invite = await api.call<any>('POST', `/streets/${streetId}/operator-invites`, {
    token: admin.accessToken,
    body: { inviteeName: '马建华' },
    headers: idem(),
  });
  if (invite.status !== 201) throw new Error(`operator invite: ${invite.status} ${JSON.stringify(invite.body)}`);
  const user = await newWechatUser(api, 'op');
  const session = await accept(api, user, invite.body.code);
  if (session.status !== 200) throw new Error(`accept: ${session.status} ${JSON.stringify(session.body)}`);
  return { ...user, accessToken: session.body.accessToken, refreshToken: session.body.refreshToken };
}

export async function createStreetCommunity(api: TestApi, operator: SignedIn, streetId: string, name = '新华苑社区') {
  const res = await api.call<any>('POST', `/streets/${streetId}/communities`, {
    token: operator.accessToken,
    body: { name, address: '银川市金凤区新华街 8 号' },
    headers: idem(),
  });
  if (res.status !== 201) throw new Error(`createCommunity: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; name: string; streetId: string };
}

export async function staffInvite(api: TestApi, operator: SignedIn, streetId: string, communityId: string) {
  const res = await api.call<any>('POST', `/streets/${streetId}/communities/${communityId}/staff-invites`, {
    token: operator.accessToken,
    body: { inviteeName: '李淑芬' },
    headers: idem(),
  });
  if (res.status !== 201) throw new Error(`staff invite: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { code: string; link: string; validUntil: string };
}

/** A new WeChat user appointed staff of the community through the operator's invite. */
export async function appointStaff(api: TestApi, operator: SignedIn, streetId: string, communityId: string) {
  const invite = await staffInvite(api, operator, streetId, communityId);
  const user = await newWechatUser(api, 'staff');
  const session = await accept(api, user, invite.code);
  if (session.status !== 200) throw new Error(`accept: ${session.status} ${JSON.stringify(session.body)}`);
  return {
    ...user,
    accessToken: session.body.accessToken as string,
    refreshToken: session.body.refreshToken as string,
  };
}
