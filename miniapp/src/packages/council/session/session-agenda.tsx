import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { links } from '@linli/shared/domain/notify/links';
import { TopicCard } from '../../../components/topic-card';
import { useSessionTopics } from '../../../hooks/use-agenda';

/** 本次议程: the topics scheduled into this session, each opening its page. */
export function SessionAgenda({ communityId, sessionId }: { communityId: string; sessionId: string }) {
  const topics = useSessionTopics(communityId, sessionId);
  const list = topics.data?.topics;
  // The agenda is extra: while it loads or if it fails, the session page shows without it.
  if (!list) return null;
  return (
    <View aria-label="本次议程">
      <Text className="linli-section-title">本次议程</Text>
      {list.length === 0 ? (
        <View className="linli-card">
          <Text className="linli-muted">议程还在征集中，社区受理的议题会安排到这里。</Text>
        </View>
      ) : (
        list.map((topic) => (
          <TopicCard
            key={topic.topicId}
            topic={topic}
            onOpen={() => void Taro.navigateTo({ url: links.agendaTopic(communityId, topic.topicId) })}
          />
        ))
      )}
    </View>
  );
}
