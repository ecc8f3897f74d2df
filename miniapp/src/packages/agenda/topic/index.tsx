import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { ShareButton } from '../../../components/share-button';
import { TopicCard } from '../../../components/topic-card';
import { stars } from '../../../components/topic-card/labels';
import type { CouncilReader } from '../../../components/council-gate';
import { SUB_PAGES } from '../../../constants';
import {
  useCosignTopic,
  useRateTopic,
  useTopicDetail,
  useWithdrawTopic,
  type TopicDetail,
} from '../../../hooks/use-agenda';
import { formatShanghai } from '../../../utils/time';
import { useShareCard } from '../../../hooks/use-share-card';
import { topicShareCard } from '../../../services/share';
import { Outcome } from '../../../components/topic-card/outcome';
import { AgendaGate, actingIdOf } from '../components/agenda-gate';
import { Timeline } from '../../../components/topic-card/timeline';
import { useCurrentCommunity } from '../../../hooks/use-current-community';
import '../components/agenda.css';

/** Five large stars and a comment; sent once. */
function RatingForm({ communityId, topicId, onRated }: { communityId: string; topicId: string; onRated: () => void }) {
  const rate = useRateTopic(communityId, topicId);
  const [value, setValue] = useState(0);
  const [comment, setComment] = useState('');
  const send = async () => {
    if (value < 1) {
      void Taro.showToast({ title: '请先点星星打分', icon: 'none', duration: 2000 });
      return;
    }
    const done = await rate.submit({ stars: value, comment: comment.trim() || undefined });
    if (!done) return;
    void Taro.showToast({ title: '谢谢您的评价', icon: 'none', duration: 2000 });
    onRated();
  };
  return (
    <View className="linli-card">
      <Text className="agenda__title">请邻里评事：办得怎么样？</Text>
      <View className="agenda__stars" role="radiogroup" aria-label="评分">
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={`agenda__star${n <= value ? ' agenda__star--on' : ''}`}
            role="radio"
            aria-checked={n === value}
            aria-label={`${n} 星`}
            onClick={() => setValue(n)}
          >
            <Text>{n <= value ? '★' : '☆'}</Text>
          </View>
        ))}
      </View>
      <Textarea
        className="linli-textarea agenda__textarea"
        value={comment}
        maxlength={200}
        placeholder="说说您的看法（选填）"
        aria-label="评价内容"
        onInput={(event) => setComment(event.detail.value)}
      />
      <Button
        className="agenda__action"
        type="primary"
        size="large"
        block
        loading={rate.pending}
        onClick={() => void send()}
      >
        提交评价
      </Button>
    </View>
  );
}

function MemberActions({
  detail,
  communityId,
  onChanged,
}: {
  detail: TopicDetail;
  communityId: string;
  onChanged: () => void;
}) {
  const { topic, mine } = detail;
  const cosign = useCosignTopic(communityId, topic.topicId);
  const withdraw = useWithdrawTopic(communityId, topic.topicId);

  const doCosign = async () => {
    if (await cosign.submit()) {
      void Taro.showToast({ title: '已附议', icon: 'none', duration: 2000 });
      onChanged();
    }
  };
  const doWithdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回议题',
      content: '撤回后社区将不再处理这个议题，确定撤回吗？',
      confirmText: '撤回',
    });
    if (confirm && (await withdraw.submit())) onChanged();
  };

  return (
    <>
      {mine.canCosign ? (
        <Button
          className="agenda__action"
          type="primary"
          size="large"
          block
          loading={cosign.pending}
          onClick={() => void doCosign()}
        >
          附议（已有 {topic.cosignCount} 人）
        </Button>
      ) : null}
      {mine.cosigned ? <Text className="topic-card__rating">您已附议，共 {topic.cosignCount} 人附议</Text> : null}
      {mine.canWithdraw ? (
        <Button
          className="agenda__action"
          size="large"
          block
          loading={withdraw.pending}
          onClick={() => void doWithdraw()}
        >
          撤回议题
        </Button>
      ) : null}
      {mine.canRate ? <RatingForm communityId={communityId} topicId={topic.topicId} onRated={onChanged} /> : null}
      {mine.rating ? <Text className="topic-card__rating">您的评价：{stars(mine.rating)}</Text> : null}
    </>
  );
}

function Topic({ viewer, communityId, topicId }: { viewer: CouncilReader; communityId: string; topicId: string }) {
  const detail = useTopicDetail(communityId, topicId, actingIdOf(viewer));
  const data = detail.data;
  const card = data ? topicShareCard(communityId, data.topic) : undefined;
  useShareCard(card);
  if (!data) return <RequestStatus what="议题" loading={detail.loading} error={detail.error} onRetry={detail.reload} />;
  const { topic } = data;
  return (
    <>
      <TopicCard topic={topic}>
        <Text className="agenda__text">{topic.description}</Text>
        {topic.session ? (
          <Text className="agenda__text">
            议事会：{topic.session.title}（{formatShanghai(topic.session.startsAt)}）
          </Text>
        ) : null}
        {topic.mergedInto ? <Text className="agenda__text">已并入议题「{topic.mergedInto.title}」</Text> : null}
        <Outcome topic={topic} />
        {viewer.kind === 'member' ? (
          <MemberActions detail={data} communityId={communityId} onChanged={detail.reload} />
        ) : (
          <Button
            className="agenda__action"
            type="primary"
            size="large"
            block
            onClick={() => void Taro.navigateTo({ url: `${SUB_PAGES.staffAgendaTopic}?topicId=${topic.topicId}` })}
          >
            去办理
          </Button>
        )}
      </TopicCard>
      {card ? <ShareButton card={card} label="分享到邻里群" /> : null}
      <Timeline entries={data.timeline} />
      {data.ratings.length > 0 ? (
        <View className="linli-card">
          <Text className="agenda__title">居民评价</Text>
          {data.ratings.map((r) => (
            <Text key={`${r.byName}-${r.at}`} className="agenda__text">
              {stars(r.stars)} {r.byName}
              {r.comment ? `：${r.comment}` : ''}
            </Text>
          ))}
        </View>
      ) : null}
    </>
  );
}

/** 议题详情: what it is, where it stands (the timeline), and co-signing, withdrawing or rating it. */
export default function TopicPage() {
  const { params } = useRouter();
  const current = useCurrentCommunity().communityId;
  const communityId = params.communityId || current || '';
  return (
    <PageShell className="agenda-topic">
      <AgendaGate>
        {(viewer) => <Topic viewer={viewer} communityId={communityId} topicId={params.topicId ?? ''} />}
      </AgendaGate>
    </PageShell>
  );
}
