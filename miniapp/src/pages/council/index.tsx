import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Booking } from '@linli/shared/contract';
import { links } from '@linli/shared/domain/notify/links';
import { BookingStatusTag } from '../../components/booking-status';
import { CouncilGate } from '../../components/council-gate';
import { EntryCard } from '../../components/entry-card';
import { PageShell } from '../../components/page-shell';
import { RequestStatus } from '../../components/request-status';
import { SessionCard } from '../../components/session-card';
import { StatusTag } from '../../components/status-tag';
import { SUB_PAGES } from '../../constants';
import {
  useBuildingNames,
  useMyBookings,
  useUpcomingSessions,
  type CouncilViewer,
  type MyBookings,
  type SessionList,
} from '../../hooks/use-council';
import './index.css';

const open = (url: string) => () => void Taro.navigateTo({ url });

/** 已预约 2 场 · 候补 1 场, or what is known while the list loads. */
function bookingsSummary(bookings: MyBookings | undefined): string {
  if (!bookings) return '已预约和候补的议事会、签到码';
  const now = new Date().toISOString();
  const upcoming = bookings.bookings.filter((b) => b.session.endsAt >= now && b.session.status === 'scheduled');
  const booked = upcoming.filter((b) => b.booking.status === 'booked').length;
  const waiting = upcoming.filter((b) => b.booking.status === 'waitlisted').length;
  if (booked + waiting === 0) return '还没有即将参加的议事会';
  return [booked ? `已预约 ${booked} 场` : '', waiting ? `候补 ${waiting} 场` : ''].filter(Boolean).join(' · ');
}

function SessionCards({
  communityId,
  sessions,
  bookings,
  empty,
  openSession,
  openLabel,
}: {
  communityId: string;
  sessions: SessionList['sessions'];
  bookings: Map<string, Booking>;
  empty: string;
  openSession: (sessionId: string) => void;
  openLabel?: string;
}) {
  const buildingNames = useBuildingNames(communityId);
  if (sessions.length === 0) {
    return (
      <View className="linli-card council__empty">
        <Text>{empty}</Text>
      </View>
    );
  }
  return (
    <>
      {sessions.map((session) => {
        const booking = bookings.get(session.sessionId);
        return (
          <SessionCard
            key={session.sessionId}
            session={session}
            buildingNames={buildingNames}
            badges={
              session.status === 'cancelled' ? (
                <StatusTag tone="bad">已取消</StatusTag>
              ) : booking ? (
                <BookingStatusTag booking={booking} />
              ) : undefined
            }
            onOpen={() => openSession(session.sessionId)}
            openLabel={openLabel}
          />
        );
      })}
    </>
  );
}

/** A resident's (or the acted-for member's) upcoming sessions with their bookings. */
function MemberCouncil({ viewer }: { viewer: Extract<CouncilViewer, { kind: 'member' }> }) {
  const actingId = viewer.acting?.memberId;
  const sessions = useUpcomingSessions(viewer.communityId, actingId);
  const bookings = useMyBookings(true, actingId);
  const bySession = new Map((bookings.data?.bookings ?? []).map((b) => [b.booking.sessionId, b.booking]));
  const whose = viewer.acting ? `${viewer.acting.realName}的预约` : '我的预约';

  return (
    <>
      <EntryCard
        icon="ticket"
        title={whose}
        description={bookingsSummary(bookings.data)}
        onOpen={open(SUB_PAGES.councilBookings)}
      />
      <EntryCard
        icon="message"
        title="邻里议题"
        description="提议题、给邻居附议、看晒事栏"
        onOpen={open(SUB_PAGES.agenda)}
      />
      <Text className="linli-section-title">即将召开的议事会</Text>
      {sessions.data ? (
        <SessionCards
          communityId={viewer.communityId}
          sessions={sessions.data.sessions}
          bookings={bySession}
          empty={viewer.acting ? `近期没有面向${viewer.acting.realName}的议事会` : '近期没有面向您楼栋的议事会'}
          openSession={(sessionId) => open(links.councilSession(viewer.communityId, sessionId))()}
        />
      ) : (
        <RequestStatus what="议事会" loading={sessions.loading} error={sessions.error} onRetry={sessions.reload} />
      )}
    </>
  );
}

/** Staff acting for nobody: every upcoming session, each opening its attendee list. */
function StaffCouncil({ communityId }: { communityId: string }) {
  const sessions = useUpcomingSessions(communityId, undefined);
  return (
    <>
      <EntryCard
        icon="category"
        title="议事会管理"
        description="安排议事会、签到、导出名单"
        onOpen={open(SUB_PAGES.staffCouncil)}
      />
      <EntryCard
        icon="message"
        title="议题办理"
        description="审核居民议题、安排上会、记录决定和进展"
        onOpen={open(SUB_PAGES.staffAgenda)}
      />
      <Text className="linli-section-title">即将召开的议事会</Text>
      {sessions.data ? (
        <SessionCards
          communityId={communityId}
          sessions={sessions.data.sessions}
          bookings={new Map()}
          empty="近期没有安排议事会"
          openLabel="参会名单与签到"
          openSession={(sessionId) => open(`${SUB_PAGES.staffAttendees}?sessionId=${sessionId}`)()}
        />
      ) : (
        <RequestStatus what="议事会" loading={sessions.loading} error={sessions.error} onRetry={sessions.reload} />
      )}
    </>
  );
}

/** 议事 tab: the council sessions open to me (or to whom I act for), 我的预约, and the way to 邻里议题. */
export default function CouncilPage() {
  return (
    <PageShell className="council">
      <Text className="council__intro linli-muted">大家的事大家商量。预约座位后，凭签到码或二维码入场。</Text>
      <CouncilGate>
        {(viewer) =>
          viewer.kind === 'member' ? (
            <MemberCouncil viewer={viewer} />
          ) : (
            <StaffCouncil communityId={viewer.communityId} />
          )
        }
      </CouncilGate>
    </PageShell>
  );
}
