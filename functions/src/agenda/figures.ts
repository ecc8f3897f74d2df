/** A community's topic figures of a month, for the street's figures (aggregates only). */
import { AGENDA_STATES } from '@linli/shared/domain/agenda/state';
import { queryIndex } from '../platform/items';
import { agendaIndex } from './items';
import type { TopicRecord } from './records';

/**
 * AP34 per state, limited to the topics whose last change fell in the month: how many stand in
 * each state, and the average rating of those finished (ratings are counters on the topic).
 */
export async function topicMonthFigures(communityId: string, from: string, to: string) {
  const perState = await Promise.all(
    AGENDA_STATES.map((status) =>
      queryIndex<TopicRecord>('gsi1', agendaIndex.communityTopics(communityId, status), {
        sort: { between: [from, to] },
      }),
    ),
  );
  const topicsByStatus: Record<string, number> = {};
  AGENDA_STATES.forEach((status, i) => {
    const inMonth = perState[i]!.filter((t) => t.statusAt >= from && t.statusAt < to);
    if (inMonth.length > 0) topicsByStatus[status] = inMonth.length;
  });
  const done = perState[AGENDA_STATES.indexOf('done')]!.filter((t) => t.statusAt >= from && t.statusAt < to);
  const ratingSum = done.reduce((sum, t) => sum + (t.ratingSum ?? 0), 0);
  const ratingCount = done.reduce((sum, t) => sum + (t.ratingCount ?? 0), 0);
  return {
    topicsByStatus,
    topicsDone: done.length,
    averageRating: ratingCount > 0 ? Math.round((ratingSum / ratingCount) * 10) / 10 : undefined,
  };
}
