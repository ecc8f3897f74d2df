/** Partner merchants: staff add them and their agreements; an operator binds with the invite code. */
import { ulid } from 'ulidx';
import type { Agreement, Merchant } from '@linli/shared/contract/points';
import type { Principal } from '@linli/shared/contract/principal';
import { isStaffOf } from '@linli/shared/domain/access/rules';
import { newShortCode } from '@linli/shared/domain/common/short-code';
import { DomainError } from '@linli/shared/errors';
import { randomNumbers } from '../platform/random';
import * as repo from './repository';
import { merchantView, nowIso } from './views';

export async function listMerchants(principal: Principal, communityId: string) {
  const merchants = await repo.listMerchants(communityId);
  // Invite codes and unsigned merchants are for staff of this community only.
  const staff = isStaffOf(principal, communityId);
  return {
    merchants: merchants
      .filter((m) => staff || m.agreement)
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .map((m) => merchantView(m, staff)),
  };
}

const newInviteCode = () => newShortCode(randomNumbers, 8);

export async function createMerchant(
  communityId: string,
  input: { name: string; address: string; category: string; agreement: Agreement },
): Promise<Merchant> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const m = { id: ulid(), communityId, ...input, inviteCode: newInviteCode() };
    if (await repo.createMerchant(m)) return merchantView(m, true);
  }
  throw new DomainError('SERVICE_UNAVAILABLE');
}

export async function updateAgreement(communityId: string, merchantId: string, agreement: Agreement) {
  const m = await repo.updateAgreement(communityId, merchantId, agreement);
  if (!m) throw new DomainError('MERCHANT_NOT_FOUND');
  return merchantView(m, true);
}

export async function bindMerchant(principal: Principal, inviteCode: string) {
  const code = inviteCode.trim().toUpperCase();
  const invite = await repo.getInvite(code);
  if (!invite) throw new DomainError('INVITE_CODE_INVALID');
  if (invite.status !== 'open') throw new DomainError('INVITE_CODE_USED');
  if (await repo.getMerchantOperator(principal.userId)) throw new DomainError('ALREADY_MERCHANT_OPERATOR');
  const outcome = await repo.bindOperator(principal.userId, code, invite, nowIso());
  if (outcome === 'invite-used') throw new DomainError('INVITE_CODE_USED');
  if (outcome === 'already-operator') throw new DomainError('ALREADY_MERCHANT_OPERATOR');
  if (outcome === 'no-user') throw new DomainError('TOKEN_INVALID');
  const m = await repo.getMerchant(invite.communityId, invite.merchantId);
  return { communityId: invite.communityId, merchantId: invite.merchantId, merchantName: m?.name ?? '' };
}

/** The merchant the caller operates in this community. */
export function operatedMerchant(principal: Principal, communityId: string): string {
  const grant = principal.grants.find((g) => g.role === 'merchant' && g.communityId === communityId && g.merchantId);
  if (!grant?.merchantId) throw new DomainError('NOT_MERCHANT_OPERATOR');
  return grant.merchantId;
}
