import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { EntryCard } from '../../../components/entry-card';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { TopicCard } from '../../../components/topic-card';
import { SUB_PAGES } from '../../../constants';
import { useTopicQueue, type QueueStatus } from '../../../hooks/use-agenda';
import { StaffGate } from '../components/staff-gate';
import '../components/staff.css';

const FILTERS: readonly { value: QueueStatus; label: string }[] = [
  { value: 'submitted', label: '待审核' },
  { value: 'approved', label: '待上会' },
  { value: 'scheduled', label: '已排会' },
  { value: 'decided', label: '待办理' },
  { value: 'in_progress', label: '办理中' },
  { value: 'done', label: '已办结' },
];

function Queue({ communityId }: { communityId: string }) {
  const [status, setStatus] = useState<QueueStatus>('submitted');
  const queue = useTopicQueue(communityId, status);
  const open = (url: string) => () => void Taro.navigateTo({ url });
  const rows = queue.data?.rows;
  return (
    <>
      <Text className="staff__intro linli-muted">最早提交的排在最前，待审核超过 3 天的会标红。点议题进入办理。</Text>
      <EntryCard
        icon="edit"
        title="代居民登记议题"
        description="板凳会上、电话里听到的事，替居民登记"
        onOpen={open(SUB_PAGES.staffAgendaRecord)}
      />
      <View className="staff__filter">
        <ChoiceChips label="按状态查看" choices={FILTERS} value={status} onChange={setStatus} />
      </View>
      {rows ? (
        rows.length === 0 ? (
          <View className="linli-card staff__empty">
            <Text>没有这一类的议题</Text>
          </View>
        ) : (
          rows.map(({ topic, overdue, waitingDays }) => (
            <TopicCard
              key={topic.topicId}
              topic={topic}
              onOpen={open(`${SUB_PAGES.staffAgendaTopic}?topicId=${topic.topicId}`)}
            >
              {overdue ? <Text className="staff__overdue">已等待 {waitingDays} 天，超过 3 天，请尽快处理</Text> : null}
            </TopicCard>
          ))
        )
      ) : (
        <RequestStatus what="议题" loading={queue.loading} error={queue.error} onRetry={queue.reload} />
      )}
    </>
  );
}

/** 议题办理: the community's topics by stage, oldest first, each opening its next step. */
export default function StaffAgendaPage() {
  return (
    <PageShell className="staff-agenda">
      <StaffGate>{(communityId) => <Queue communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
