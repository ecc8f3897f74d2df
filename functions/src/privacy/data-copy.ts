/**
 * A copy of one's data (PIPL's right of access): every record the person's own access patterns
 * reach, grouped by kind, without the table's keys. The mini-program saves it as a JSON file.
 */
import type { Principal } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/domain-error';
import * as repo from './repository';

/** Internal fields a person has no use for (keys, index attributes, token bookkeeping). */
const INTERNAL = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'type', 'tokenVersion', 'expiresAt']);

export async function copyOfMyData(principal: Principal) {
  const user = await repo.getUserItem(principal.userId);
  if (!user || user.erasedAt) throw new DomainError('TOKEN_INVALID');
  const memberId = typeof user.memberId === 'string' ? user.memberId : undefined;
  const member = memberId ? await repo.getMemberItem(memberId) : undefined;
  const communityId = member ? String(member.communityId) : undefined;
  const items = await repo.personalItems({ userId: principal.userId, memberId, communityId });
  const sections: Record<string, Record<string, unknown>[]> = {};
  for (const item of items) {
    const kind = typeof item.type === 'string' ? item.type : String(item.sk).split('#')[0]!;
    const record = Object.fromEntries(Object.entries(item).filter(([k]) => !INTERNAL.has(k)));
    (sections[kind] ??= []).push(record);
  }
  return { format: 'linli-data-copy/1' as const, exportedAt: new Date().toISOString(), sections };
}
