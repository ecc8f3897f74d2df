/**
 * The writes that bring a need (求助) into being, for any caller's own transaction: a resident's
 * request, staff entering a phone call, or a grid worker's visit marked 「需要帮助」/「紧急」 (the
 * visit and its need commit together or not at all).
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulidx';
import { initialDueAt, type NeedCategory, type NeedSource, type NeedUrgency } from '@linli/shared/domain/care/need';
import { tableName } from '../platform/dynamo';
import { outboxPut } from '../platform/outbox';
import type { NeedEvent } from './need-events';
import { memberNeedItem, needItem, needTimelineItem } from './need-items';
import type { NeedByRole, NeedRecord, NeedTimelineRecord } from './need-records';

/** One entry of a TransactWriteItems, as the repositories pass them to transactWithReply. */
export type TransactWriteItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface NeedIntakeInput {
  communityId: string;
  source: NeedSource;
  /** The member the need concerns: the requester or a dependent (代办), as people other than staff see them. */
  person: {
    memberId: string;
    /** 「6号楼 刘**」: never the room or the phone. */
    label: string;
    /** The member's own user, when they have WeChat: told of every step. */
    userId?: string;
    buildingId?: string;
    gridId?: string;
  };
  text: string;
  category: NeedCategory;
  urgency: NeedUrgency;
  createdBy: { userId: string; name: string; role: NeedByRole };
}

const FIRST_NOTE: Record<NeedSource['kind'], (input: NeedIntakeInput) => string | undefined> = {
  resident: (i) => (i.createdBy.role === 'caregiver' ? `家属${i.createdBy.name}代为求助` : undefined),
  visit: (i) => `网格员${i.createdBy.name}走访时登记`,
  phone: (i) => `电话求助，由工作人员${i.createdBy.name}登记`,
};

const createPut = (Item: Record<string, unknown>): TransactWriteItem => ({
  Put: { TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' },
});

/**
 * The need item (待派单, due by its urgency), its first timeline entry, the member's link and its
 * outbox event: append `items` to your TransactWriteItems (4 entries). Pure apart from the fresh id.
 */
export function needIntakeWrites(
  input: NeedIntakeInput,
  now: Date,
): { needId: string; items: TransactWriteItem[]; need: NeedRecord } {
  const at = now.toISOString();
  const need: NeedRecord = {
    needId: ulid(now.getTime()),
    communityId: input.communityId,
    source: input.source,
    text: input.text,
    category: input.category,
    urgency: input.urgency,
    memberId: input.person.memberId,
    memberLabel: input.person.label,
    memberUserId: input.person.userId,
    buildingId: input.person.buildingId,
    gridId: input.source.kind === 'visit' ? input.source.gridId : input.person.gridId,
    createdByUserId: input.createdBy.userId,
    createdByName: input.createdBy.name,
    createdByRole: input.createdBy.role,
    status: 'new',
    version: 1,
    dueAt: initialDueAt(at, input.urgency),
    createdAt: at,
    statusAt: at,
  };
  const first: NeedTimelineRecord = {
    needId: need.needId,
    seq: 0,
    at,
    byId: input.createdBy.userId,
    byName: input.createdBy.name,
    byRole: input.createdBy.role,
    from: null,
    to: 'new',
    note: FIRST_NOTE[input.source.kind](input),
  };
  const event: NeedEvent = {
    type: 'care.need_changed',
    communityId: need.communityId,
    needId: need.needId,
    from: null,
    to: 'new',
    byUserId: input.createdBy.userId,
    at,
  };
  return {
    needId: need.needId,
    need,
    items: [
      createPut(needItem(need)),
      createPut(needTimelineItem(first)),
      createPut(memberNeedItem(need)),
      outboxPut(event, now),
    ],
  };
}
