import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { links } from '@linli/shared/domain/notify/links';
import { BookingStatusTag } from '../../../components/booking-status';
import { CouncilGate, type CouncilReader } from '../../../components/council-gate';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { SessionCard } from '../../../components/session-card';
import { StatusTag } from '../../../components/status-tag';
import { TAB_PAGES } from '../../../constants';
import { useBuildingNames, useMyBookings, type MyBookings } from '../../../hooks/use-council';
import './index.css';

type Row = MyBookings['bookings'][number];

/** Splits 我的预约 into sessions still to come (or under way) and those that ended. */
export function splitBookings(rows: readonly Row[], now: Date = new Date()): { upcoming: Row[]; past: Row[] } {
  const at = now.toISOString();
  return {
    upcoming: rows.filter((r) => r.session.endsAt >= at),
    past: rows.filter((r) => r.session.endsAt < at),
  };
}

function Rows({ rows, communityId }: { rows: Row[]; communityId: string }) {
  const buildingNames = useBuildingNames(communityId);
  return (
    <>
      {rows.map(({ booking, session }) => (
        <SessionCard
          key={booking.bookingId}
          session={session}
          buildingNames={buildingNames}
          badges={
            // A cancelled session's bookings keep their stored state; only the cancellation matters.
            session.status === 'cancelled' ? (
              <StatusTag tone="bad">议事会已取消</StatusTag>
            ) : (
              <BookingStatusTag booking={booking} />
            )
          }
          onOpen={() => void Taro.navigateTo({ url: links.councilSession(session.communityId, session.sessionId) })}
        />
      ))}
    </>
  );
}

function Bookings({ viewer }: { viewer: CouncilReader }) {
  const acting = viewer.kind === 'member' ? viewer.acting : null;
  const bookings = useMyBookings(viewer.kind === 'member', acting?.memberId);
  if (viewer.kind === 'staff') {
    return (
      <View className="linli-card bookings__empty">
        <Text>社区工作人员没有自己的预约。为居民代约后，可以在“代办”状态下查看TA的预约。</Text>
      </View>
    );
  }
  if (!bookings.data) {
    return <RequestStatus what="预约" loading={bookings.loading} error={bookings.error} onRetry={bookings.reload} />;
  }
  const { upcoming, past } = splitBookings(bookings.data.bookings);
  return (
    <>
      {acting ? <Text className="bookings__intro linli-muted">{acting.realName}的预约</Text> : null}
      <Text className="linli-section-title">即将参加</Text>
      {upcoming.length === 0 ? (
        <View className="linli-card bookings__empty">
          <Text className="bookings__empty-text">还没有预约即将召开的议事会</Text>
          <Button
            className="bookings__button"
            type="primary"
            size="large"
            block
            onClick={() => void Taro.switchTab({ url: TAB_PAGES.council })}
          >
            去看看议事会
          </Button>
        </View>
      ) : (
        <Rows rows={upcoming} communityId={viewer.communityId} />
      )}
      {past.length > 0 ? (
        <>
          <Text className="linli-section-title">已结束</Text>
          <Rows rows={past} communityId={viewer.communityId} />
        </>
      ) : null}
    </>
  );
}

/** 我的预约: upcoming sessions first, then past ones, each with where the booking stands. */
export default function MyBookingsPage() {
  return (
    <PageShell className="bookings">
      <CouncilGate>{(viewer) => <Bookings viewer={viewer} />}</CouncilGate>
    </PageShell>
  );
}
