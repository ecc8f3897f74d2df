import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { links } from '@linli/shared/domain/notify/links';
import { EntryCard } from '../../../components/entry-card';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { TopicCard } from '../../../components/topic-card';
import type { CouncilReader } from '../../../components/council-gate';
import { SUB_PAGES } from '../../../constants';
import { useOpenTopics } from '../../../hooks/use-agenda';
import { AgendaGate, actingIdOf } from '../components/agenda-gate';
import '../components/agenda.css';

const open = (url: string) => () => void Taro.navigateTo({ url });

function Hub({ viewer }: { viewer: CouncilReader }) {
  const communityId = viewer.communityId;
  const topics = useOpenTopics(communityId, actingIdOf(viewer));
  const member = viewer.kind === 'member';
  const whose = member && viewer.acting ? `${viewer.acting.realName}的议题` : '我的议题';
  return (
    <>
      {member ? (
        <Button className="agenda__action" type="primary" size="large" block onClick={open(SUB_PAGES.agendaSubmit)}>
          提一个议题
        </Button>
      ) : (
        <EntryCard
          icon="category"
          title="议题办理"
          description="审核、安排上会、记录决定和办理进展"
          onOpen={open(SUB_PAGES.staffAgenda)}
        />
      )}
      {member ? (
        <EntryCard icon="list" title={whose} description="提出的议题和办理进度" onOpen={open(SUB_PAGES.agendaMine)} />
      ) : null}
      <EntryCard
        icon="notice"
        title="晒事栏"
        description="已办结的议题、决定和大家的评价"
        onOpen={open(SUB_PAGES.agendaBoard)}
      />
      <Text className="linli-section-title">正在征集附议</Text>
      {topics.data ? (
        topics.data.topics.length === 0 ? (
          <View className="linli-card agenda__empty">
            <Text>暂时没有正在征集附议的议题</Text>
          </View>
        ) : (
          topics.data.topics.map((topic) => (
            <TopicCard key={topic.topicId} topic={topic} onOpen={open(links.agendaTopic(communityId, topic.topicId))} />
          ))
        )
      ) : (
        <RequestStatus what="议题" loading={topics.loading} error={topics.error} onRetry={topics.reload} />
      )}
    </>
  );
}

/** 邻里议题: raise a topic, co-sign neighbours' topics, follow mine, read the 晒事栏. */
export default function AgendaPage() {
  return (
    <PageShell className="agenda">
      <Text className="agenda__intro linli-muted">
        听邻里说事、邀邻里议事、帮邻里办事、请邻里评事、向邻里晒事。身边的事，提出来大家一起商量。
      </Text>
      <AgendaGate>{(viewer) => <Hub viewer={viewer} />}</AgendaGate>
    </PageShell>
  );
}
