import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { TopicCard } from '../../../../components/topic-card';
import { useTopicDetail, useTopicSteps } from '../../../../hooks/use-agenda';
import { formatShanghai } from '../../../../utils/time';
import { Outcome } from '../../../../components/topic-card/outcome';
import { Timeline } from '../../../../components/topic-card/timeline';
import { StaffGate } from '../../components/staff-gate';
import { ActionsStep, DecideStep, ProgressStep, ReviewStep, ScheduleStep } from './steps';
import '../../components/staff.css';

function StaffTopic({ communityId, topicId }: { communityId: string; topicId: string }) {
  const detail = useTopicDetail(communityId, topicId, undefined);
  const steps = useTopicSteps(communityId, topicId);
  const data = detail.data;
  if (!data) return <RequestStatus what="议题" loading={detail.loading} error={detail.error} onRetry={detail.reload} />;
  const { topic } = data;
  const onDone = (toast: string) => {
    void Taro.showToast({ title: toast, icon: 'none', duration: 2000 });
    detail.reload();
  };
  const props = { topic, steps, onDone };
  return (
    <>
      <TopicCard topic={topic}>
        <Text className="staff__text">{topic.description}</Text>
        {topic.session ? (
          <Text className="staff__text">
            议事会：{topic.session.title}（{formatShanghai(topic.session.startsAt)}）
          </Text>
        ) : null}
        <Outcome topic={topic} />
        {topic.status === 'submitted' ? <ReviewStep {...props} /> : null}
        {topic.status === 'approved' ? <ScheduleStep {...props} /> : null}
        {topic.status === 'scheduled' ? <DecideStep {...props} /> : null}
        {topic.status === 'decided' || topic.status === 'in_progress' ? <ActionsStep {...props} /> : null}
        {topic.status === 'in_progress' ? <ProgressStep {...props} /> : null}
      </TopicCard>
      <Timeline entries={data.timeline} />
      {topic.status === 'done' ? (
        <View className="linli-card">
          <Text className="staff__text">已办结，居民可在晒事栏查看和评价。</Text>
        </View>
      ) : null}
    </>
  );
}

/** 办理议题: one topic's next step (受理/不予受理/合并, 安排上会, 记录决定, 行动项, 进展, 办结) and its timeline. */
export default function StaffAgendaTopicPage() {
  const { params } = useRouter();
  return (
    <PageShell className="staff-agenda-topic">
      <StaffGate>{(communityId) => <StaffTopic communityId={communityId} topicId={params.topicId ?? ''} />}</StaffGate>
    </PageShell>
  );
}
