/** Who reads or moves a topic, and the topic itself as its community holds it. */
import { isStaffOf } from '@linli/shared/domain/access/rules';
import { type AgendaActor } from '@linli/shared/domain/agenda/state';
import { DomainError } from '@linli/shared/domain-error';
import { subjectIn, type ActingSubject, type Caller } from '../identity';
import type { AgendaEvent as OutboxEvent } from './events';
import * as repo from './repository';
import type { TopicRecord } from './records';

/** States in which any member of the community may read a topic (it is on the council's agenda or done). */
export const PUBLIC_STATES: readonly string[] = ['scheduled', 'decided', 'in_progress', 'done'];

/** Staff reading as themselves see everything of their community; anyone else reads as a member. */
export type Viewer = { kind: 'staff' } | { kind: 'member'; subject: ActingSubject };

/** A topic of a community, as the path names it. */
export interface TopicRef {
  communityId: string;
  topicId: string;
}

export async function viewerOf(caller: Caller, communityId: string): Promise<Viewer> {
  if (!caller.onBehalfOf && isStaffOf(caller.principal, communityId)) return { kind: 'staff' };
  const subject = await subjectIn(caller, communityId);
  return { kind: 'member', subject };
}

export const memberActor = (s: ActingSubject): AgendaActor => ({
  userId: s.memberId,
  resident: { communityId: s.communityId, buildingId: s.buildingId },
});

export async function topicOf(communityId: string, topicId: string, consistent = false): Promise<TopicRecord> {
  const t = await repo.getTopic(topicId, consistent);
  if (!t || t.communityId !== communityId) throw new DomainError('TOPIC_NOT_FOUND');
  return t;
}

export const changed = (t: TopicRecord, note?: string): OutboxEvent => ({
  type: 'agenda.topic_changed',
  communityId: t.communityId,
  topicId: t.topicId,
  title: t.title,
  authorMemberId: t.authorMemberId,
  caregiverUserId: t.via === 'caregiver' ? t.recordedByUserId : undefined,
  to: t.status,
  note,
});
