/** Signing in and out: a WeChat login code or a refresh token becomes a session; logout revokes them. */
import { ulid } from 'ulidx';
import type { Session } from '@linli/shared/contract/identity';
import type { Principal } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/domain-error';
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken, signRefreshToken, verifyRefreshToken } from '../platform/auth';
import type { UserRecord } from './records';
import * as repo from './users-repository';
import type { SessionExchanger } from './wechat-session';

function principalOf(user: UserRecord): Principal {
  return { userId: user.userId, name: user.name, grants: user.grants };
}

async function issueSession(user: UserRecord): Promise<Session> {
  return {
    accessToken: await signAccessToken(principalOf(user)),
    refreshToken: await signRefreshToken(user.userId, user.tokenVersion),
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    userId: user.userId,
  };
}

/** A wx.login code → the user (created on first login) → tokens. */
export async function loginWithWechat(exchanger: SessionExchanger, code: string): Promise<Session> {
  const { openid } = await exchanger.exchange(code);
  let userId = await repo.findUserIdByOpenid(openid);
  if (!userId) {
    userId = await repo.createUserForOpenid(openid, {
      userId: ulid(),
      openid,
      name: '微信用户',
      grants: [],
      tokenVersion: 1,
      createdAt: new Date().toISOString(),
    });
  }
  const user = await repo.getUser(userId);
  if (!user) throw new DomainError('TOKEN_INVALID');
  return issueSession(user);
}

/** A refresh token → fresh tokens carrying the user's current roles. */
export async function refreshSession(refreshToken: string): Promise<Session> {
  const { userId, tokenVersion } = await verifyRefreshToken(refreshToken);
  const user = await repo.getUser(userId);
  if (!user || user.tokenVersion !== tokenVersion) throw new DomainError('REFRESH_TOKEN_INVALID');
  return issueSession(user);
}

/** Signs the user out everywhere: their refresh tokens stop working; access tokens expire soon after. */
export async function logout(principal: Principal): Promise<void> {
  if (!(await repo.bumpTokenVersion(principal.userId))) throw new DomainError('TOKEN_INVALID');
}

export async function devLogins() {
  const users = await repo.listDevLogins();
  return { users: users.map((u) => ({ code: u.devCode, name: u.name, roleLabel: u.roleLabel })) };
}
