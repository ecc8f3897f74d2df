/**
 * A topic raised from a need (求助) that is a matter for the council: the same writes as a topic
 * a resident raises (topic, first timeline entry, author's link, event), built for the need's
 * own transaction so the need and its topic link to each other or neither exists.
 */
import type { AgendaCategory } from '@linli/shared/domain/agenda/state';
import { changed } from './access';
import { raisedTopic } from './items';
import { topicCreateItems } from './repository';

export interface TopicFromNeedInput {
  /** Chosen by the caller so a retried transaction writes the same topic. */
  topicId: string;
  communityId: string;
  needId: string;
  title: string;
  description: string;
  category: AgendaCategory;
  /** The member the need concerns: the topic's author, entered by staff. */
  author: { memberId: string; realName: string; buildingId: string; buildingName: string };
  staff: { userId: string; name: string };
}

/** The new topic's id and its writes (submitted for review like any topic entered by staff). */
export function topicFromNeedWrites(input: TopicFromNeedInput, at: string) {
  const note = `由求助转为议题，工作人员${input.staff.name}登记`;
  const { topic, first } = raisedTopic(
    {
      topicId: input.topicId,
      communityId: input.communityId,
      title: input.title,
      description: input.description,
      category: input.category,
      scope: { kind: 'building', buildingId: input.author.buildingId },
      scopeLabel: input.author.buildingName,
      authorMemberId: input.author.memberId,
      authorName: input.author.realName,
      recordedByUserId: input.staff.userId,
      recordedByName: input.staff.name,
      via: 'staff',
      fromNeedId: input.needId,
    },
    { byId: input.staff.userId, byName: input.staff.name, byRole: 'staff' },
    note,
    at,
  );
  return { topicId: topic.topicId, items: topicCreateItems(topic, first, changed(topic, note)) };
}
