/**
 * Account deletion (PIPL's right to erasure; WeChat review checks for it). Future bookings and
 * unpicked orders are cancelled through the features' own use cases, so seats and portions return
 * and waitlists promote exactly as a normal cancellation does; then the person's name, phone,
 * birth date and openid are erased everywhere their records reach. Records that must stay (ledger
 * postings, settlements, council attendance) keep the opaque member and user ids, which now name
 * nobody. The refresh tokens stop working at once.
 */
import type { Principal } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/domain-error';
import { cancelOrder } from '../canteen';
import { cancelBooking } from '../council';
import { maskName } from '../agenda';
import { resolveActingSubject } from '../identity';
import { identityKey } from '../identity/items';
import { notifyKey } from '../notify/items';
import { completionPut, outsideIdempotencyScope } from '../platform/idempotency';
import { logger } from '../platform/logger';
import { key } from '../table';
import * as repo from './repository';
import type { RawItem } from './repository';

export interface ErasureReport {
  cancelledBookings: number;
  cancelledOrders: number;
  /** Bookings and orders past their cancel cutoff: they stay, under the anonymous id. */
  keptBookings: number;
  keptOrders: number;
  erasedItems: number;
  deletedItems: number;
}

/** A resident deletes their own account (and with it their member record, if any). */
export async function eraseOwnAccount(principal: Principal): Promise<ErasureReport> {
  const user = await repo.getUserItem(principal.userId);
  if (!user || user.erasedAt) throw new DomainError('TOKEN_INVALID');
  const memberId = typeof user.memberId === 'string' ? user.memberId : undefined;
  const member = memberId ? await repo.getMemberItem(memberId) : undefined;
  return erase(principal, user, member);
}

/** Staff erase a member of their community (one without WeChat, or at the person's request in person). */
export async function eraseMemberByStaff(
  principal: Principal,
  communityId: string,
  memberId: string,
): Promise<ErasureReport> {
  const member = await repo.getMemberItem(memberId);
  if (!member || member.communityId !== communityId || member.erasedAt) throw new DomainError('MEMBER_NOT_FOUND');
  const user = typeof member.userId === 'string' ? await repo.getUserItem(member.userId) : undefined;
  return erase(principal, user, member);
}

async function erase(principal: Principal, user: RawItem | undefined, member: RawItem | undefined) {
  const report: ErasureReport = {
    cancelledBookings: 0,
    cancelledOrders: 0,
    keptBookings: 0,
    keptOrders: 0,
    erasedItems: 0,
    deletedItems: 0,
  };
  const userId = user ? String(user.userId) : undefined;
  const memberId = member ? String(member.memberId) : undefined;
  const communityId = member
    ? String(member.communityId)
    : (user?.grants as { communityId?: string }[] | undefined)?.find((g) => g.communityId)?.communityId;

  // The cancellations are steps of this request, not requests of their own: their answers must
  // not complete this request's idempotency record.
  if (member && member.status === 'verified') {
    await outsideIdempotencyScope(() => cancelWhatIsAhead(principal, member, report));
  }

  const items = await repo.personalItems({ userId, memberId, communityId });
  const redact = redactor([
    ...names(member?.realName, user?.name),
    ...[member?.phone, member?.birthDate, user?.openid].filter((v): v is string => typeof v === 'string' && v !== ''),
  ]);
  const at = new Date().toISOString();
  // The last write (the user's profile, else the member record) carries the report as the answer a
  // retry replays, so the erasure is reported once it is complete. Every earlier step is safe to
  // run again: a re-run finds the items already redacted or gone.
  let memberRecord: RawItem | undefined;
  for (const item of items) {
    const action = planFor(item, { userId, memberId });
    if (action === 'delete') {
      await repo.remove(item);
      report.deletedItems += 1;
    } else if (action === 'member') {
      memberRecord = erasedMember(item, at);
      report.erasedItems += 1;
    } else if (action === 'redact') {
      const next = redact(item);
      if (JSON.stringify(next) !== JSON.stringify(item)) {
        await repo.rewrite(next);
        report.erasedItems += 1;
      }
    }
  }
  if (typeof user?.openid === 'string') await repo.remove(identityKey.openid(user.openid));
  if (memberRecord) await repo.rewrite(memberRecord, userId ? undefined : completionPut(report));
  if (userId) await repo.eraseUserProfile(userId, at, completionPut(report));
  logger.info('account erased', { userId, memberId, by: principal.userId, ...report });
  return report;
}

/** Cancels future bookings and unpicked orders as the member (or staff for them) would. */
async function cancelWhatIsAhead(principal: Principal, member: RawItem, report: ErasureReport) {
  const subject = await resolveActingSubject(principal, String(member.memberId));
  // The caller acting as the member: their own self, or staff for the member.
  const caller = { principal, onBehalfOf: subject.via === 'self' ? undefined : subject };
  const items = await repo.personalItems({ memberId: subject.memberId });
  for (const booking of items.filter(
    (i) => i.type === 'Booking' && ['booked', 'waitlisted'].includes(String(i.status)),
  )) {
    try {
      await cancelBooking(caller, { communityId: subject.communityId, sessionId: String(booking.sessionId) });
      report.cancelledBookings += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      report.keptBookings += 1;
    }
  }
  for (const order of items.filter((i) => i.type === 'MealOrder' && i.status === 'placed')) {
    try {
      await cancelOrder(caller, {
        communityId: subject.communityId,
        orderId: String(order.orderId),
      });
      report.cancelledOrders += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      report.keptOrders += 1;
    }
  }
}

type Plan = 'delete' | 'member' | 'redact' | 'skip';

/** What becomes of each item: messages, consents and care grants go; the member record is emptied; the rest is redacted. */
function planFor(item: RawItem, ids: { userId?: string; memberId?: string }): Plan {
  const { userId, memberId } = ids;
  if (userId && item.pk === key.user(userId).pk) {
    if (item.sk === key.user(userId).sk) return 'skip'; // erased last, with the token version bump
    const gone =
      item.sk.startsWith(notifyKey.messagePrefix) ||
      item.sk.startsWith(notifyKey.consentPrefix) ||
      item.sk === notifyKey.inbox(userId).sk ||
      item.sk === identityKey.membershipLock(userId).sk;
    return gone ? 'delete' : 'redact';
  }
  if (memberId && item.pk === key.member(memberId).pk) {
    if (item.sk === key.member(memberId).sk) return 'member';
    if (item.sk.startsWith(identityKey.careGrantPrefix)) return 'delete';
  }
  return 'redact';
}

/** The member record kept as an anonymous id: no name, phone, birth date or user, out of every list. */
function erasedMember(item: RawItem, at: string): RawItem {
  const { phone: _p, birthDate: _b, userId: _u, gsi1pk: _a, gsi1sk: _c, gsi2pk: _d, gsi2sk: _e, ...kept } = item;
  return { ...kept, realName: repo.ERASED_NAME, status: 'erased', erasedAt: at };
}

/** A name as it is stored, and masked as neighbours were shown it (王*芳). */
function names(...candidates: unknown[]): string[] {
  return [
    ...new Set(candidates.filter((n): n is string => typeof n === 'string' && n !== '' && n !== repo.ERASED_NAME)),
  ]
    .flatMap((n) => [n, maskName(n)])
    .filter((n) => n.length > 1);
}

/** Replaces every occurrence of the person's values in an item's strings; keys and index attributes stay. */
function redactor(secrets: string[]) {
  const ordered = [...new Set(secrets)].sort((a, b) => b.length - a.length);
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return ordered.reduce((text, secret) => text.split(secret).join(repo.ERASED_NAME), value);
    }
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
    }
    return value;
  };
  return (item: RawItem): RawItem => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(item)) out[k] = /^(pk|sk|gsi\d(pk|sk))$/.test(k) ? v : clean(v);
    return out as RawItem;
  };
}
