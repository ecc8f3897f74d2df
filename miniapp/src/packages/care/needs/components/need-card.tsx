import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { StatusTag, type StatusTone } from '../../../../components/status-tag';
import type { Need } from '../../../../hooks/use-needs';
import { ASSIGNEE_KIND_TEXT, NEED_STATE_LABELS, SOURCE_TEXT, shanghaiTime } from './labels';
import './needs.css';

const TONE: Record<Need['status'], StatusTone> = {
  new: 'waiting',
  dispatched: 'waiting',
  accepted: 'waiting',
  done: 'ok',
  rated: 'ok',
  cancelled: 'neutral',
};

/** One need as a tappable card: what, for whom, state, due time (overdue marked), assignee. */
export function NeedCard({ need, onOpen, children }: { need: Need; onOpen?: () => void; children?: ReactNode }) {
  return (
    <View
      className={`linli-card need-card${need.overdue ? ' need-card--overdue' : ''}`}
      role={onOpen ? 'button' : undefined}
      onClick={onOpen}
    >
      <View className="need-card__head">
        <StatusTag tone={need.overdue ? 'bad' : TONE[need.status]}>
          {need.overdue ? `${NEED_STATE_LABELS[need.status]}·已超时` : NEED_STATE_LABELS[need.status]}
        </StatusTag>
        {need.urgency === 'urgent' ? <Text className="need-card__urgent">紧急</Text> : null}
        <Text className="linli-muted need-card__category">{need.category}</Text>
      </View>
      <Text className="need-card__text">{need.text}</Text>
      <Text className="linli-muted need-card__meta">
        {need.personLabel} · {SOURCE_TEXT[need.source]}
      </Text>
      {need.assignee ? (
        <Text className="need-card__meta">
          {ASSIGNEE_KIND_TEXT[need.assignee.kind]}：{need.assignee.name}
        </Text>
      ) : null}
      {need.status === 'new' || need.status === 'dispatched' || need.status === 'accepted' ? (
        <Text className={`need-card__meta${need.overdue ? ' need-card__late' : ''}`}>
          办结时限：{shanghaiTime(need.dueAt)}
        </Text>
      ) : null}
      {need.stars ? (
        <Text className="need-card__meta">
          评价：{'★'.repeat(need.stars)}（{need.stars} 星）
        </Text>
      ) : null}
      {children}
    </View>
  );
}
