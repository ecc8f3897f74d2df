/**
 * Keys and item builders of needs (求助), declared once (the seed and the grid-visit intake use
 * them too); no I/O. Access patterns (also in table.ts and docs/data-model.md):
 *  AP88 a need and its timeline                  GetItem pk=NEED#<id> sk=META; Query begins_with(sk, TL#)
 *  AP89 a community's needs by status, by due    Query gsi1 gsi1pk=COMMUNITY#<id>#NEEDS#<STATUS> (a grid worker's: filtered by gridId)
 *  AP89a an assignee's needs, newest dispatch    Query gsi2 gsi2pk=NEEDASSIGNEE#<community>#<kind>#<id>
 *  AP89b a member's needs                        Query pk=MEMBER#<id> begins_with(sk, NEED#)
 */
import { partition } from '../table';
import type { NeedRecord, NeedTimelineRecord } from './need-records';

type Item = Record<string, unknown>;

/** States in which a need is listed under its assignee. */
const HELD = new Set(['dispatched', 'accepted', 'done', 'rated']);

export const needKey = {
  need: (needId: string) => ({ pk: `NEED#${needId}`, sk: 'META' }),
  timeline: (needId: string, seq: number) => ({ pk: `NEED#${needId}`, sk: `TL#${String(seq).padStart(5, '0')}` }),
  timelinePrefix: 'TL#',
  memberNeed: (memberId: string, needId: string) => ({ pk: partition.member(memberId), sk: `NEED#${needId}` }),
  memberNeedPrefix: 'NEED#',
} as const;

export const needIndex = {
  communityNeeds: (communityId: string, status: string) => `COMMUNITY#${communityId}#NEEDS#${status.toUpperCase()}`,
  assigneeNeeds: (communityId: string, kind: string, assigneeId: string) =>
    `NEEDASSIGNEE#${communityId}#${kind}#${assigneeId}`,
} as const;

/** Index attributes: its status list (by due time) always, its assignee's list while dispatched. */
export function needIndexes(n: NeedRecord): Item {
  const held = HELD.has(n.status) && n.assignee;
  return {
    gsi1pk: needIndex.communityNeeds(n.communityId, n.status),
    gsi1sk: `${n.dueAt}#${n.needId}`,
    ...(held
      ? {
          gsi2pk: needIndex.assigneeNeeds(n.communityId, n.assignee!.kind, n.assignee!.id),
          gsi2sk: `${n.dispatchedAt}#${n.needId}`,
        }
      : {}),
  };
}

export const needItem = (n: NeedRecord): Item => ({ ...needKey.need(n.needId), type: 'Need', ...n, ...needIndexes(n) });

export const needTimelineItem = (e: NeedTimelineRecord): Item => ({
  ...needKey.timeline(e.needId, e.seq),
  type: 'NeedTimeline',
  ...e,
});

export const memberNeedItem = (n: Pick<NeedRecord, 'memberId' | 'needId' | 'communityId'>): Item => ({
  ...needKey.memberNeed(n.memberId, n.needId),
  type: 'MemberNeed',
  needId: n.needId,
  communityId: n.communityId,
});
