import { needIntakeWrites } from '../../functions/src/care/need-intake';
import { needIndex, needKey } from '../../functions/src/care/need-items';

const now = new Date('2026-12-04T08:00:00.000Z');
const visit = needIntakeWrites(
  {
    communityId: 'c1',
    source: { kind: 'visit', visitId: 'visit-1', gridId: 'grid-a' },
    person: { memberId: 'm1', label: '6号楼 刘**', buildingId: 'b6' },
    text: '老人腿脚不便，需要有人帮忙买药',
    category: '代办跑腿',
    urgency: 'urgent',
    createdBy: { userId: 'g1', name: '张网格', role: 'grid' },
  },
  now,
);

describe('need intake writes', () => {
  it('creates the need, its first timeline entry, the member link and one outbox event, each only if new', () => {
    const items = visit.items.map((i) => ('Put' in i ? i.Put! : undefined));
    expect(items.map((p) => p?.Item?.type)).toEqual(['Need', 'NeedTimeline', 'MemberNeed', 'Outbox']);
    expect(items.every((p) => p?.ConditionExpression === 'attribute_not_exists(pk)')).toBe(true);
    expect(items[0]!.Item).toMatchObject({
      ...needKey.need(visit.needId),
      status: 'new',
      version: 1,
      gridId: 'grid-a',
      dueAt: '2026-12-04T12:00:00.000Z',
      gsi1pk: needIndex.communityNeeds('c1', 'new'),
    });
    expect(items[1]!.Item).toMatchObject({ from: null, to: 'new', byRole: 'grid', note: '网格员张网格走访时登记' });
    expect(items[3]!.Item).toMatchObject({
      eventType: 'care.need_changed',
      payload: { needId: visit.needId, to: 'new' },
    });
  });
});
