import { Text, View } from '@tarojs/components';
import { StatusTag } from '../status-tag';
import type { GridPerson } from '../../hooks/use-grid';
import { formatDay } from '../../utils/session-time';
import { addressText, observationTone, signalText, standingText } from './visit-text';
import './index.css';

/**
 * One person of a grid: name, age, tags, address, when the next visit is due, today's signals.
 * The card is named by everything it shows (WCAG 2.5.3), read in the order the eye reads it.
 */
export function PersonRow({
  person,
  onOpen,
  showGrid,
}: {
  person: GridPerson;
  onOpen: () => void;
  showGrid?: boolean;
}) {
  const standing = standingText(person);
  return (
    <View
      className={`linli-card grid__person${person.signals.length > 0 ? ' grid__person--signal' : ''}`}
      role="link"
      onClick={onOpen}
    >
      {person.signals.map((s) => (
        <Text className="grid__signal" key={`${s.kind}-${s.meal}`}>
          ⚠ {signalText(s)}
        </Text>
      ))}
      <View className="grid__person-head">
        <Text className="grid__name">
          {person.name}
          {person.age !== undefined ? ` ${person.age}岁` : ''}
        </Text>
        {standing ? <StatusTag tone={standing.tone}>{standing.text}</StatusTag> : null}
      </View>
      {person.tags.length > 0 || !person.hasWeChat ? (
        <View className="grid__tags">
          {person.tags.map((t) => (
            <StatusTag tone="neutral" key={t}>
              {t}
            </StatusTag>
          ))}
          {!person.hasWeChat ? <StatusTag tone="neutral">无微信</StatusTag> : null}
        </View>
      ) : null}
      <Text className="grid__line linli-muted">
        {showGrid ? `${person.gridName} · ` : ''}
        {addressText(person)}
      </Text>
      {person.lastAttemptAt ? (
        <View className="grid__person-head">
          <Text className="grid__line linli-muted">上次 {formatDay(person.lastAttemptAt)}</Text>
          <StatusTag tone={observationTone(person.lastObservation)}>
            {person.lastObservation
              ? `${person.lastMethod ?? ''} · ${person.lastObservation}`
              : (person.lastMethod ?? '')}
          </StatusTag>
        </View>
      ) : null}
    </View>
  );
}
