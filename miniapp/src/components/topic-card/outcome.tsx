import { Text } from '@tarojs/components';
import { stars } from './labels';
import type { Topic } from '../../hooks/use-agenda';
import { formatMonthDay, formatShanghai } from '../../utils/time';
import './index.css';

/** What was decided, what was done by whom, when it finished, and how neighbours rated it. */
export function Outcome({ topic }: { topic: Topic }) {
  return (
    <>
      {topic.decision ? (
        <Text className="topic-card__decision">
          决定：{topic.decision.text}
          {topic.decision.tally
            ? `（赞成 ${topic.decision.tally.for}，反对 ${topic.decision.tally.against}，弃权 ${topic.decision.tally.abstain}）`
            : ''}
        </Text>
      ) : null}
      {topic.actions.map((a) => (
        <Text key={`${a.title}-${a.due}`} className="topic-card__action-item">
          ✔ {a.title} —— {a.owner}，{formatMonthDay(a.due)}前
        </Text>
      ))}
      {topic.doneAt ? (
        <Text className="topic-card__line linli-muted">办结于 {formatShanghai(topic.doneAt)}</Text>
      ) : null}
      {topic.status !== 'done' ? null : (
        <Text className="topic-card__rating">
          {topic.averageRating !== undefined
            ? `居民评分 ${stars(topic.averageRating)} ${topic.averageRating.toFixed(1)} 分（${topic.ratingCount} 人评价）`
            : '还没有居民评价'}
        </Text>
      )}
    </>
  );
}
