import type { Assignee, NeedCategory, NeedSource, NeedStatus, NeedUrgency } from '@linli/shared/domain/care/need';

/** Who entered or moved a need, as its timeline shows them. */
export type NeedByRole = 'resident' | 'caregiver' | 'staff' | 'grid' | 'volunteer' | 'partner';

/** A need (求助) as stored: pk=NEED#<id>, sk=META. */
export interface NeedRecord {
  needId: string;
  communityId: string;
  source: NeedSource;
  text: string;
  category: NeedCategory;
  urgency: NeedUrgency;
  /** The member the need concerns (the requester or a dependent). */
  memberId: string;
  /** How people other than staff see them: 「6号楼 刘**」. */
  memberLabel: string;
  /** The member's user (when they have WeChat), told of every step. */
  memberUserId?: string;
  buildingId?: string;
  gridId?: string;
  createdByUserId: string;
  createdByName: string;
  createdByRole: NeedByRole;
  status: NeedStatus;
  /** Number of timeline entries; every state change is conditioned on the one it read. */
  version: number;
  dueAt: string;
  assignee?: Assignee;
  /** The user who answers for the assignee: the volunteer or staff member, or the unit's operator when known. */
  assigneeUserId?: string;
  dispatchedAt?: string;
  doneNote?: string;
  doneAt?: string;
  stars?: number;
  ratingComment?: string;
  topicId?: string;
  createdAt: string;
  statusAt: string;
}

/** One append-only timeline entry: pk=NEED#<id>, sk=TL#<seq>. */
export interface NeedTimelineRecord {
  needId: string;
  seq: number;
  at: string;
  byId: string;
  byName: string;
  byRole: NeedByRole;
  from: NeedStatus | null;
  to: NeedStatus;
  note?: string;
}
