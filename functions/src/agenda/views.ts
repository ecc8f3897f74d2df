/** How topics and their timelines read: full for staff and the author, masked for neighbours. */
import type { TimelineEntry, Topic, TopicDetail } from '@linli/shared/contract/agenda';
import { type AgendaItem } from '@linli/shared/domain/agenda/state';
import type { RatingRecord, TimelineRecord, TopicRecord } from './records';
import type { Viewer } from './access';

/** 王桂芳 → 王*芳, 李明 → 李*: neighbours see who raised a topic without the full name. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

export function average(t: TopicRecord): number | undefined {
  return t.ratingCount > 0 ? Math.round((t.ratingSum / t.ratingCount) * 10) / 10 : undefined;
}

/** What neighbours read in place of a text staff hid. */
export const HIDDEN_TITLE = '（该议题内容已被社区工作人员隐藏）';

export function topicView(t: TopicRecord, full: boolean): Topic {
  const hiddenFromViewer = Boolean(t.hidden) && !full;
  return {
    topicId: t.topicId,
    communityId: t.communityId,
    title: hiddenFromViewer ? HIDDEN_TITLE : t.title,
    description: hiddenFromViewer ? `隐藏原因：${t.hidden!.reason}` : t.description,
    category: t.category,
    scope: t.scope,
    scopeLabel: t.scopeLabel,
    status: t.status,
    authorName: full ? t.authorName : maskName(t.authorName),
    recordedBy:
      t.via === 'self'
        ? undefined
        : { name: full || t.via === 'staff' ? t.recordedByName : maskName(t.recordedByName), via: t.via },
    cosignCount: t.cosignCount,
    ratingCount: t.ratingCount,
    averageRating: average(t),
    session:
      t.sessionId && t.sessionTitle && t.sessionStartsAt
        ? { sessionId: t.sessionId, title: t.sessionTitle, startsAt: t.sessionStartsAt }
        : undefined,
    mergedInto: t.mergedIntoId ? { topicId: t.mergedIntoId, title: t.mergedIntoTitle ?? '' } : undefined,
    decision: t.decision,
    actions: t.actions,
    createdAt: t.createdAt,
    statusAt: t.statusAt,
    doneAt: t.doneAt,
    fromNeedId: t.fromNeedId,
    moderation: t.hidden
      ? { state: 'hidden', reason: t.hidden.reason }
      : t.held && full
        ? { state: 'held', reason: '内容正在等待社区工作人员复核，通过后邻居才能看到并附议' }
        : undefined,
  };
}

/** A rating as the viewer reads it: a held comment only for staff and its writer, a hidden one for staff. */
export function ratingView(r: RatingRecord, viewer: Viewer): TopicDetail['ratings'][number] {
  const staff = viewer.kind === 'staff';
  const own = viewer.kind === 'member' && viewer.subject.memberId === r.memberId;
  const commentShown = r.commentHidden ? staff : r.commentHeld ? staff || own : true;
  return {
    stars: r.stars,
    comment: commentShown ? r.comment : undefined,
    // Who rated what stays with staff; the author and neighbours see masked names.
    byName: staff ? r.memberName : maskName(r.memberName),
    at: r.at,
    ...(staff ? { memberId: r.memberId } : {}),
    moderation: r.commentHidden
      ? { state: 'hidden', reason: r.commentHidden.reason }
      : r.commentHeld && (staff || own)
        ? { state: 'held', reason: '评价内容正在等待社区工作人员复核' }
        : undefined,
  };
}

export const fullFor = (viewer: Viewer, t: TopicRecord) =>
  viewer.kind === 'staff' || viewer.subject.memberId === t.authorMemberId;

/** A timeline entry; residents' names are masked for neighbours, staff names never are. */
export function timelineView(e: TimelineRecord, full: boolean): TimelineEntry {
  const byName = full || e.byRole === 'staff' ? e.byName : maskName(e.byName);
  const note = full || !e.note || e.byRole === 'staff' ? e.note : e.note.replace(e.byName, byName);
  return { seq: e.seq, at: e.at, byName, byRole: e.byRole, from: e.from, to: e.to, note };
}

export const toDomain = (t: TopicRecord): AgendaItem => ({
  communityId: t.communityId,
  scope: t.scope,
  authorUserId: t.authorMemberId,
  status: t.status,
  cosigners: [],
  ratings: {},
  timeline: [],
  sessionId: t.sessionId,
  mergedInto: t.mergedIntoId,
  decision: t.decision,
  actions: t.actions,
});
