import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { links } from '@linli/shared/domain/notify/links';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { TopicCard } from '../../../components/topic-card';
import type { CouncilReader } from '../../../components/council-gate';
import { useMyTopics } from '../../../hooks/use-agenda';
import { AgendaGate, actingIdOf } from '../components/agenda-gate';
import '../components/agenda.css';

function Mine({ viewer }: { viewer: CouncilReader }) {
  const topics = useMyTopics(actingIdOf(viewer));
  if (!topics.data) {
    return <RequestStatus what="我的议题" loading={topics.loading} error={topics.error} onRetry={topics.reload} />;
  }
  if (topics.data.topics.length === 0) {
    return (
      <View className="linli-card agenda__empty">
        <Text>还没有提出过议题</Text>
      </View>
    );
  }
  return (
    <>
      {topics.data.topics.map((topic) => (
        <TopicCard
          key={topic.topicId}
          topic={topic}
          onOpen={() => void Taro.navigateTo({ url: links.agendaTopic(topic.communityId, topic.topicId) })}
        />
      ))}
    </>
  );
}

/** 我的议题: what I (or whom I act for) raised, newest first, with where each stands. */
export default function MyTopicsPage() {
  return (
    <PageShell className="agenda-mine">
      <AgendaGate>{(viewer) => <Mine viewer={viewer} />}</AgendaGate>
    </PageShell>
  );
}
