/** Staff side of care: the wish queue and overview, settings, partner units and their operators, care tags. */
import { randomInt } from 'node:crypto';
import { ulid } from 'ulidx';
import type { CareSettings, PartnerUnit, TaggedMember, WishOverview } from '@linli/shared/contract/care';
import type { Principal } from '@linli/shared/contract/principal';
import { normalizeTags, type MemberTag } from '@linli/shared/domain/care/tags';
import { claimOverdue } from '@linli/shared/domain/care/wish';
import { DomainError } from '@linli/shared/domain-error';
import { completionPut } from '../platform/idempotency';
import type { PartnerRecord, WishRecord } from './records';
import * as repo from './repository';
import { wishViews } from './views';

const DAY_MS = 24 * 3600_000;
type QueueStatus = 'pending_review' | 'open' | 'claimed' | 'delivered' | 'fulfilled';

/** Queue rows for staff (who see every photo with its check). */
async function rows(ws: WishRecord[], now: Date, overdueDays: number) {
  const views = await wishViews(ws, () => ({ full: true }));
  return ws.map((w, i) => {
    const since = w.status === 'claimed' && w.claimedAt ? w.claimedAt : w.statusAt;
    return {
      wish: views[i]!,
      waitingDays: Math.floor((now.getTime() - Date.parse(since)) / DAY_MS),
      overdue: w.status === 'claimed' && claimOverdue(w.claimedAt, now, overdueDays),
    };
  });
}

/** A status list for staff: priority wishes first, then oldest first (fulfilled: newest first). */
export async function queue(communityId: string, status: QueueStatus) {
  const [wishes, settings] = await Promise.all([
    repo.listByStatus(communityId, status, status === 'fulfilled', status === 'fulfilled' ? 100 : undefined),
    repo.getSettings(communityId),
  ]);
  if (status !== 'fulfilled')
    wishes.sort((a, b) => Number(b.priority) - Number(a.priority) || a.statusAt.localeCompare(b.statusAt));
  const now = new Date();
  return { rows: await rows(wishes, now, settings.overdueDays) };
}

export async function overview(communityId: string, year?: string): Promise<WishOverview> {
  const now = new Date();
  const y = year ?? String(new Date(now.getTime() + 8 * 3600_000).getUTCFullYear());
  const statuses = ['pending_review', 'open', 'claimed', 'delivered', 'fulfilled'] as const;
  const [lists, stats, settings] = await Promise.all([
    Promise.all(statuses.map((s) => repo.listByStatus(communityId, s))),
    repo.listClaimerStats(communityId, y),
    repo.getSettings(communityId),
  ]);
  const counts = Object.fromEntries(statuses.map((s, i) => [s, lists[i]!.length])) as WishOverview['counts'];
  const claimed = lists[2]!;
  return {
    year: Number(y),
    counts,
    overdueDays: settings.overdueDays,
    overdue: await rows(
      claimed
        .filter((w) => claimOverdue(w.claimedAt, now, settings.overdueDays))
        .sort((a, b) => (a.claimedAt ?? '').localeCompare(b.claimedAt ?? '')),
      now,
      settings.overdueDays,
    ),
    claimers: stats
      .map((s) => ({
        kind: s.kind,
        claimerId: s.claimerId,
        name: s.name,
        claimed: s.claimed ?? 0,
        fulfilled: s.fulfilled ?? 0,
      }))
      .sort((a, b) => Number(b.kind === 'partner') - Number(a.kind === 'partner') || b.fulfilled - a.fulfilled),
  };
}

export const getSettings = (communityId: string): Promise<CareSettings> => repo.getSettings(communityId);

export async function updateSettings(communityId: string, s: CareSettings): Promise<CareSettings> {
  await repo.putSettings(communityId, s, completionPut(s));
  return s;
}

// ── partner units ────────────────────────────────────────────────────────────

const partnerView = (p: PartnerRecord): PartnerUnit => ({
  partnerId: p.partnerId,
  name: p.name,
  kind: p.kind as PartnerUnit['kind'],
  inviteCode: p.inviteCode,
  operatorBound: Boolean(p.operatorUserId),
});

/** Eight characters people can read out: no 0/O, 1/I. */
const newInviteCode = () => Array.from({ length: 8 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[randomInt(32)]).join('');

export async function createPartner(communityId: string, input: { name: string; kind: PartnerUnit['kind'] }) {
  for (let i = 0; i < 5; i += 1) {
    const p = {
      partnerId: ulid(),
      communityId,
      ...input,
      inviteCode: newInviteCode(),
      createdAt: new Date().toISOString(),
    };
    const reply = partnerView(p);
    if (await repo.createPartner(p, completionPut(reply))) return reply;
  }
  throw new DomainError('SERVICE_UNAVAILABLE');
}

export async function listPartners(communityId: string) {
  return { partners: (await repo.listPartners(communityId)).map(partnerView) };
}

export async function bindPartner(principal: Principal, inviteCode: string) {
  const code = inviteCode.trim().toUpperCase();
  const invite = await repo.getInvite(code);
  if (!invite) throw new DomainError('INVITE_CODE_INVALID');
  if (invite.status !== 'open') throw new DomainError('INVITE_CODE_USED');
  if (await repo.getPartnerOperator(principal.userId)) throw new DomainError('ALREADY_PARTNER_OPERATOR');
  // The answer is known before the binding, so it commits with it (a retry replays it).
  const p = await repo.getPartner(invite.communityId, invite.partnerId);
  const reply = { communityId: invite.communityId, partnerId: invite.partnerId, partnerName: p?.name ?? '' };
  const outcome = await repo.bindOperator(
    principal.userId,
    code,
    invite,
    new Date().toISOString(),
    completionPut(reply),
  );
  if (outcome === 'invite-used') throw new DomainError('INVITE_CODE_USED');
  if (outcome === 'already-operator') throw new DomainError('ALREADY_PARTNER_OPERATOR');
  if (outcome === 'no-user') throw new DomainError('UNAUTHENTICATED');
  return reply;
}

// ── care tags ────────────────────────────────────────────────────────────────

const taggedView = (m: {
  memberId: string;
  realName: string;
  buildingName: string;
  unitName: string;
  tags?: MemberTag[];
}): TaggedMember => ({
  memberId: m.memberId,
  realName: m.realName,
  buildingName: m.buildingName,
  unitName: m.unitName,
  tags: m.tags ?? [],
});

export async function listTagged(communityId: string) {
  const members = await repo.listCommunityMembers(communityId);
  return { members: members.filter((m) => m.status === 'verified' && (m.tags?.length ?? 0) > 0).map(taggedView) };
}

export async function setTags(communityId: string, memberId: string, tags: MemberTag[]) {
  const m = await repo.setTags(communityId, memberId, normalizeTags(tags));
  if (!m) throw new DomainError('MEMBER_NOT_FOUND');
  return taggedView(m);
}
