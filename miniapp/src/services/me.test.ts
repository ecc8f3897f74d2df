import { setStorageSync } from '../../../tests/helpers/taro-mock';
import { apiError, serveApi } from '../../../tests/helpers/miniapp-api';
import { accessTokenWith, dependentLink, me, newcomer, residentGrant } from '../../../tests/helpers/miniapp-fixtures';
import { readActingFor, startActingFor } from './acting-for';
import { TOKEN_STORAGE_KEY } from './api';
import { loadMe, readMe, rolesOf, staffCommunityOf } from './me';
import { REFRESH_TOKEN_STORAGE_KEY, resetSessionCache, sessionUserId, USER_ID_STORAGE_KEY } from './session';
import { resetClientState } from '../../../tests/helpers/client-state';

function signedInWith(token: string) {
  setStorageSync(TOKEN_STORAGE_KEY, token);
  setStorageSync(REFRESH_TOKEN_STORAGE_KEY, 'refresh-1');
  setStorageSync(USER_ID_STORAGE_KEY, 'u-1');
  resetSessionCache();
}

const refreshed = { accessToken: 'fresh', refreshToken: 'refresh-2', expiresIn: 900, userId: 'u-1' };

beforeEach(() => {
  resetClientState();
});

describe('me', () => {
  it('refreshes the session when /me shows a role the token does not carry yet (a membership just approved)', async () => {
    signedInWith(accessTokenWith([]));
    const sent = serveApi({ 'GET /me': me({ grants: [residentGrant] }), 'POST /auth/refresh': refreshed });

    await loadMe();

    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /me', 'POST /auth/refresh']);
    expect(readMe().me?.member?.buildingName).toBe('1号楼');
  });

  it('leaves the session alone when the token already carries the roles of /me', async () => {
    signedInWith(accessTokenWith([residentGrant]));
    const sent = serveApi({ 'GET /me': me({ grants: [residentGrant] }) });

    await loadMe();

    expect(sent.map((r) => r.path)).toEqual(['/me']);
  });

  it('ends 代办 for someone whose link is no longer active', async () => {
    signedInWith(accessTokenWith([residentGrant]));
    startActingFor({ memberId: 'm-li', realName: '李秀英', age: 86, userId: 'u-1' });
    serveApi({ 'GET /me': me({ dependents: [dependentLink({ status: 'pending' })] }) });

    await loadMe();

    expect(readActingFor()).toBeNull();
  });

  it('keeps 代办 for an active dependent', async () => {
    signedInWith(accessTokenWith([residentGrant]));
    startActingFor({ memberId: 'm-li', realName: '李秀英', age: 86, userId: 'u-1' });
    serveApi({ 'GET /me': me({ dependents: [dependentLink({ status: 'active' })] }) });

    await loadMe();

    expect(readActingFor()?.memberId).toBe('m-li');
  });

  it('keeps staff 代办 for a member while the user is staff (no dependent link needed)', async () => {
    const staffGrant = { role: 'staff' as const, communityId: 'anjuyuan' };
    signedInWith(accessTokenWith([staffGrant]));
    startActingFor({ memberId: 'm-li', realName: '李秀英', age: 86, userId: 'u-1', via: 'staff' });
    serveApi({ 'GET /me': me({ grants: [staffGrant], member: null }) });

    await loadMe();

    expect(readActingFor()).toMatchObject({ memberId: 'm-li', via: 'staff' });
  });

  it('ends staff 代办 once the user is no longer staff', async () => {
    signedInWith(accessTokenWith([residentGrant]));
    startActingFor({ memberId: 'm-li', realName: '李秀英', age: 86, userId: 'u-1', via: 'staff' });
    serveApi({ 'GET /me': me() });

    await loadMe();

    expect(readActingFor()).toBeNull();
  });

  it('signs out when the server no longer accepts the token', async () => {
    signedInWith(accessTokenWith([]));
    serveApi({ 'GET /me': apiError(401, 'TOKEN_INVALID') });

    await loadMe();

    expect(sessionUserId()).toBeNull();
    expect(readMe().me).toBeUndefined();
  });

  it('names roles once each, and finds the community a staff member works in', () => {
    const staff = newcomer({
      grants: [residentGrant, { role: 'staff', communityId: 'anjuyuan' }, { role: 'resident', communityId: 'x' }],
    });

    expect(rolesOf(staff)).toEqual(['resident', 'staff']);
    expect(staffCommunityOf(staff, 'default')).toBe('anjuyuan');
    expect(staffCommunityOf(me(), 'default')).toBeUndefined();
    expect(staffCommunityOf(newcomer({ grants: [{ role: 'admin' }] }), 'default')).toBe('default');
  });
});
