import type { ActionItem, AgendaCategory, AgendaStatus } from '@linli/shared/domain/agenda/state';

/** An agenda topic (议题) as stored: pk=TOPIC#<id>, sk=META. */
export interface TopicRecord {
  topicId: string;
  communityId: string;
  title: string;
  description: string;
  category: AgendaCategory;
  scope: { kind: 'community' } | { kind: 'building'; buildingId: string };
  /** 全社区 or the building's name, kept for lists. */
  scopeLabel: string;
  authorMemberId: string;
  authorName: string;
  /** Who entered it: the member's own user, a caregiver or staff. */
  recordedByUserId: string;
  recordedByName: string;
  via: 'self' | 'caregiver' | 'staff';
  status: AgendaStatus;
  /** Number of timeline entries; every state change is conditioned on the one it read. */
  version: number;
  cosignCount: number;
  ratingSum: number;
  ratingCount: number;
  sessionId?: string;
  sessionTitle?: string;
  sessionStartsAt?: string;
  mergedIntoId?: string;
  mergedIntoTitle?: string;
  decision?: { text: string; tally?: { for: number; against: number; abstain: number } };
  actions: ActionItem[];
  createdAt: string;
  statusAt: string;
  doneAt?: string;
  /** WeChat's content check could not clear the text: only the author and staff see it until staff release it. */
  held?: ContentHold;
  /** Staff hid the published title and description; neighbours see the reason instead. */
  hidden?: ContentHold;
  /** The need (求助) this topic was raised from. */
  fromNeedId?: string;
}

/** Why a text is held or hidden, and since when. */
export interface ContentHold {
  reason: string;
  at: string;
}

/** One append-only timeline entry: pk=TOPIC#<id>, sk=TL#<seq>. */
export interface TimelineRecord {
  topicId: string;
  seq: number;
  at: string;
  byId: string;
  byName: string;
  byRole: 'resident' | 'caregiver' | 'staff';
  from: AgendaStatus | null;
  to: AgendaStatus;
  note?: string;
}

/** A co-sign (附议) of one member: pk=TOPIC#<id>, sk=COSIGN#<member>. */
export interface CosignRecord {
  topicId: string;
  memberId: string;
  byUserId: string;
  at: string;
  /** Set when the co-sign came over from a merged topic. */
  fromTopicId?: string;
}

/** A rating of one member: pk=TOPIC#<id>, sk=RATING#<member>. */
export interface RatingRecord {
  topicId: string;
  memberId: string;
  memberName: string;
  byUserId: string;
  stars: number;
  comment?: string;
  at: string;
  /** The comment waits for staff (WeChat answered `review` or could not be asked). */
  commentHeld?: ContentHold;
  /** Staff hid the comment; the stars still count. */
  commentHidden?: ContentHold;
}
