import { Text } from '@tarojs/components';
import type { CouncilSession } from '@linli/shared/contract';
import './council.css';

/** 已预约 12 / 25 座 · 候补 3 人 · 预留 5 座: how full a session is, for staff. */
export function sessionCounts(
  session: Pick<CouncilSession, 'onlineSeats' | 'seatsLeft' | 'waiting' | 'reservedSeats'>,
) {
  const booked = session.onlineSeats - session.seatsLeft;
  return [
    `已预约 ${booked} / ${session.onlineSeats} 座`,
    session.waiting ? `候补 ${session.waiting} 人` : '',
    session.reservedSeats ? `现场预留 ${session.reservedSeats} 座` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

export function SessionCounts({ session }: { session: CouncilSession }) {
  return <Text className="council-staff__counts">{sessionCounts(session)}</Text>;
}
