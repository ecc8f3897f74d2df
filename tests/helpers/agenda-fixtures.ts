/** Agenda data for the mini-program's component tests, shaped as the API returns it. */
import type { TopicDetail } from '@linli/shared/contract';

type Topic = TopicDetail['topic'];

export const topic = (over: Partial<Topic> = {}): Topic => ({
  topicId: 'topic-1',
  communityId: 'anjuyuan',
  title: '1号楼楼道灯不亮',
  description: '1号楼1单元三楼到五楼的楼道灯坏了一个多月。',
  category: '设施维修',
  scope: { kind: 'building', buildingId: 'b1' },
  scopeLabel: '1号楼',
  status: 'submitted',
  authorName: '李*英',
  recordedBy: { name: '刘晶', via: 'staff' },
  cosignCount: 3,
  ratingCount: 0,
  actions: [],
  createdAt: '2026-11-20T01:30:00.000Z',
  statusAt: '2026-11-20T01:30:00.000Z',
  ...over,
});

export const detail = (over: Partial<TopicDetail> = {}, topicOver: Partial<Topic> = {}): TopicDetail => ({
  topic: topic(topicOver),
  timeline: [
    {
      seq: 0,
      at: '2026-11-20T01:30:00.000Z',
      byName: '刘晶',
      byRole: 'staff',
      from: null,
      to: 'submitted',
      note: '由工作人员刘晶代为登记',
    },
  ],
  mine: { isAuthor: false, cosigned: false, canWithdraw: false, canCosign: true, canRate: false },
  ratings: [],
  ...over,
});
