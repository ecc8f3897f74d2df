import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { links } from '@linli/shared/domain/notify/links';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { TopicCard } from '../../../components/topic-card';
import { useTopicBoard } from '../../../hooks/use-agenda';
import { Outcome } from '../../../components/topic-card/outcome';
import { useCurrentCommunity } from '../../../hooks/use-current-community';
import '../components/agenda.css';

/** 晒事栏: the community's finished topics, for anyone in the community to read. */
export default function TopicBoardPage() {
  const { communityId } = useCurrentCommunity();
  const board = useTopicBoard(communityId ?? '');
  return (
    <PageShell className="agenda-board">
      <Text className="agenda__intro linli-muted">向邻里晒事：议过的事办得怎么样，大家都看得到。</Text>
      {board.data ? (
        board.data.topics.length === 0 ? (
          <View className="linli-card agenda__empty">
            <Text>还没有办结的议题</Text>
          </View>
        ) : (
          board.data.topics.map((topic) => (
            <TopicCard
              key={topic.topicId}
              topic={topic}
              onOpen={() => void Taro.navigateTo({ url: links.agendaTopic(communityId ?? '', topic.topicId) })}
            >
              <Outcome topic={topic} />
            </TopicCard>
          ))
        )
      ) : (
        <RequestStatus what="晒事栏" loading={board.loading} error={board.error} onRetry={board.reload} />
      )}
    </PageShell>
  );
}
