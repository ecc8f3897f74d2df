/** Staff lists (the review queue), the public board and a council session's agenda. */
import type { QueueRow, Topic } from '@linli/shared/contract/agenda';
import type { Principal } from '@linli/shared/contract/principal';
import { isStaffOf } from '@linli/shared/domain/access/rules';
import { REPLY_TEMPLATES } from '@linli/shared/domain/agenda/state';
import { DomainError } from '@linli/shared/domain-error';
import * as repo from './repository';
import { topicView } from './views';

const DAY_MS = 24 * 3600_000;

/** A topic waiting for review longer than this is marked in the queue. */
const OVERDUE_DAYS = 3;

export async function listQueue(
  communityId: string,
  status: 'submitted' | 'approved' | 'scheduled' | 'decided' | 'in_progress' | 'done',
): Promise<{ rows: QueueRow[]; templates: { reject: string[]; merge: string[] } }> {
  const topics = await repo.listByStatus(communityId, status, status === 'done', status === 'done' ? 50 : undefined);
  const now = Date.now();
  return {
    rows: topics.map((t) => {
      const waited = now - Date.parse(t.statusAt);
      return {
        topic: topicView(t, true),
        waitingDays: Math.floor(waited / DAY_MS),
        overdue: t.status === 'submitted' && waited > OVERDUE_DAYS * DAY_MS,
      };
    }),
    templates: { reject: [...REPLY_TEMPLATES.reject], merge: [...REPLY_TEMPLATES.merge] },
  };
}

/** 晒事栏: the community's finished topics, newest first, with decision, actions and ratings. */
export async function topicBoard(communityId: string): Promise<{ topics: Topic[] }> {
  const done = await repo.listByStatus(communityId, 'done', true, 50);
  return { topics: done.map((t) => topicView(t, false)) };
}

/** A council session's agenda: the topics scheduled into it (they stay listed once decided). */
export async function listSessionTopics(
  principal: Principal,
  { communityId, sessionId }: { communityId: string; sessionId: string },
): Promise<{ topics: Topic[] }> {
  const s = await repo.getSession(sessionId);
  if (!s || s.communityId !== communityId) throw new DomainError('SESSION_NOT_FOUND');
  const topics = (await repo.getTopics(await repo.listSessionTopicIds(sessionId))).filter(
    (t) => t.sessionId === sessionId,
  );
  topics.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const staff = isStaffOf(principal, communityId);
  return { topics: topics.map((t) => topicView(t, staff)) };
}
