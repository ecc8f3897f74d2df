import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Topic } from '../../hooks/use-agenda';
import { formatShanghai } from '../../utils/time';
import { StatusTag } from '../status-tag';
import { TOPIC_STATUS_LABELS, recordedByText, topicTone } from './labels';
import './index.css';

interface TopicCardProps {
  topic: Topic;
  /** Opens the topic; the card is then a link named by its title. */
  onOpen?: () => void;
  /** More lines under the summary: a decision, an overdue mark, buttons. */
  children?: ReactNode;
}

/** One agenda topic (议题) in a list: title, status, category and scope, support, who raised it. */
export function TopicCard({ topic, onOpen, children }: TopicCardProps) {
  const recorded = recordedByText(topic.recordedBy);
  return (
    <View className="linli-card topic-card" role={onOpen ? 'link' : undefined} onClick={onOpen}>
      <View className="topic-card__head">
        <Text className="topic-card__title">{topic.title}</Text>
        <StatusTag tone={topicTone(topic.status)}>{TOPIC_STATUS_LABELS[topic.status]}</StatusTag>
      </View>
      <Text className="topic-card__meta linli-muted">
        {topic.category} · {topic.scopeLabel} · {topic.authorName} 提出于 {formatShanghai(topic.createdAt)}
      </Text>
      {recorded ? <Text className="topic-card__meta linli-muted">{recorded}</Text> : null}
      <Text className="topic-card__support">
        附议 {topic.cosignCount} 人
        {topic.averageRating !== undefined
          ? ` · 评分 ${topic.averageRating.toFixed(1)}（${topic.ratingCount} 人）`
          : ''}
      </Text>
      {children}
    </View>
  );
}
