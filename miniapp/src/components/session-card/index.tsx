import { Text, View } from '@tarojs/components';
import type { CouncilSession } from '@linli/shared/contract';
import type { ReactNode } from 'react';
import { formatSessionTime } from '../../utils/session-time';
import './index.css';

/** 全社区, or the buildings by name (1号楼、2号楼); an id without a known name shows as is. */
export function audienceText(audience: CouncilSession['audience'], buildingNames: Record<string, string>): string {
  if (audience.kind === 'community') return '全社区居民';
  return `${audience.buildingIds.map((id) => buildingNames[id] ?? id).join('、')}居民`;
}

/** 还剩 5 个座位 / 已满 · 3 人候补 / 已满，可以候补; undefined for a cancelled session. */
export function seatsText(session: Pick<CouncilSession, 'status' | 'seatsLeft' | 'waiting'>): string | undefined {
  if (session.status === 'cancelled') return undefined;
  if (session.seatsLeft > 0 && session.waiting === 0) return `还剩 ${session.seatsLeft} 个座位`;
  return session.waiting > 0 ? `已满 · ${session.waiting} 人候补` : '已满，可以候补';
}

interface SessionCardProps {
  session: CouncilSession;
  buildingNames: Record<string, string>;
  /** Tags right of the title: my booking's state, 已取消. */
  badges?: ReactNode;
  /** Extra lines under the details (staff add their counts here). */
  children?: ReactNode;
  onOpen?: () => void;
  /** What tapping opens, shown at the bottom of a tappable card (default 查看详情). */
  openLabel?: string;
  /** A larger title, for the session page itself. */
  large?: boolean;
}

/** One council session: title, Shanghai time, venue, audience and seats. */
export function SessionCard({
  session,
  buildingNames,
  badges,
  children,
  onOpen,
  openLabel = '查看详情',
  large,
}: SessionCardProps) {
  const seats = seatsText(session);
  const full = seats !== undefined && !(session.seatsLeft > 0 && session.waiting === 0);
  return (
    <View
      className={`linli-card session-card${onOpen ? ' session-card--link' : ''}`}
      onClick={onOpen}
      {...(onOpen ? { role: 'link' } : {})}
    >
      <Text className={large ? 'session-card__title session-card__title--large' : 'session-card__title'}>
        {session.title}
      </Text>
      {badges ? <View className="session-card__badges">{badges}</View> : null}
      <View className="session-card__line">
        <Text className="session-card__label">时间</Text>
        <Text className="session-card__value">{formatSessionTime(session.startsAt, session.endsAt)}</Text>
      </View>
      <View className="session-card__line">
        <Text className="session-card__label">地点</Text>
        <Text className="session-card__value">
          {session.venue.name} · {session.venue.place}
        </Text>
      </View>
      <View className="session-card__line">
        <Text className="session-card__label">对象</Text>
        <Text className="session-card__value">{audienceText(session.audience, buildingNames)}</Text>
      </View>
      {seats ? (
        <View className="session-card__line">
          <Text className="session-card__label">座位</Text>
          <Text className={`session-card__value session-card__seats${full ? ' session-card__seats--full' : ''}`}>
            {seats}
          </Text>
        </View>
      ) : null}
      {session.status === 'cancelled' ? (
        <Text className="session-card__cancelled">取消原因：{session.cancelReason ?? '社区未说明'}</Text>
      ) : null}
      {children}
      {onOpen ? (
        <Text className="session-card__more" aria-hidden>
          {openLabel} ›
        </Text>
      ) : null}
    </View>
  );
}
