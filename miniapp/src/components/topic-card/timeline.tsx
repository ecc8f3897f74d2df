import { Text, View } from '@tarojs/components';
import { TOPIC_STATUS_LABELS } from './labels';
import type { TopicDetail } from '../../hooks/use-agenda';
import { formatShanghai } from '../../utils/time';
import './index.css';

const ROLE_LABELS = { resident: '居民', caregiver: '家属代办', staff: '社区工作人员' } as const;

/** Every step of a topic: who, when, from → to, and the note; the last one is where it stands. */
export function Timeline({ entries }: { entries: TopicDetail['timeline'] }) {
  return (
    <View className="linli-card topic-card" aria-label="办理进程">
      <Text className="topic-card__title">办理进程</Text>
      {entries.map((e, i) => (
        <View
          key={e.seq}
          className={`topic-card__timeline-entry${i === entries.length - 1 ? ' topic-card__timeline-entry--last' : ''}`}
        >
          <Text className="topic-card__step">
            {e.from && e.from !== e.to
              ? `${TOPIC_STATUS_LABELS[e.from]} → ${TOPIC_STATUS_LABELS[e.to]}`
              : e.from
                ? `${TOPIC_STATUS_LABELS[e.to]}（更新）`
                : '提出议题'}
          </Text>
          <Text className="topic-card__line linli-muted">
            {formatShanghai(e.at)} · {e.byName}（{ROLE_LABELS[e.byRole]}）
          </Text>
          {e.note ? <Text className="topic-card__line">{e.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}
