/** Partner merchants: staff add them and their agreements; an operator binds with the invite code. */
import { ulid } from 'ulidx';
import type { Agreement, Merchant } from '@linli/shared/contract/points';
import type { Principal } from '@linli/shared/contract/principal';
import { isStaffOf } from '@linli/shared/domain/access/rules';
import { newShortCode } from '@linli/shared/domain/common/short-code';
import { DomainError } from '@linli/shared/domain-error';
import { completionPut } from '../platform/idempotency';
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
    const reply = merchantView(m, true);
    if (await repo.createMerchant(m, completionPut(reply))) return reply;
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
  // The answer is known before the binding, so it commits with it (a retry replays it).
  const m = await repo.getMerchant(invite.communityId, invite.merchantId);
  const reply = { communityId: invite.communityId, merchantId: invite.merchantId, merchantName: m?.name ?? '' };
  const outcome = await repo.bindOperator(principal.userId, code, invite, nowIso(), completionPut(reply));
  if (outcome === 'invite-used') throw new DomainError('INVITE_CODE_USED');
  if (outcome === 'already-operator') throw new DomainError('ALREADY_MERCHANT_OPERATOR');
  if (outcome === 'no-user') throw new DomainError('TOKEN_INVALID');
  return reply;
}

/** The merchant the caller operates in this community. */
export function operatedMerchant(principal: Principal, communityId: string): string {
  const grant = principal.grants.find((g) => g.role === 'merchant' && g.communityId === communityId && g.merchantId);
  if (!grant?.merchantId) throw new DomainError('NOT_MERCHANT_OPERATOR');
  return grant.merchantId;
}
