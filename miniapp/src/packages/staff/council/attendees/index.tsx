import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CHECKIN_OPENS_MINUTES_BEFORE } from '@linli/shared/domain/council/rules';
import { BookingStatusTag } from '../../../../components/booking-status';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { SessionCard } from '../../../../components/session-card';
import { StatusTag } from '../../../../components/status-tag';
import { SUB_PAGES } from '../../../../constants';
import { useBuildingNames } from '../../../../hooks/use-council';
import { useAttendees, type Attendee } from '../../../../hooks/use-council-staff';
import { formatMinutes, formatMoment } from '../../../../utils/session-time';
import { StaffGate } from '../../components/staff-gate';
import { CancelSessionForm } from '../components/cancel-session-form';
import { CheckInPanel } from '../components/check-in-panel';
import { ExportPanel } from '../components/export-panel';
import { SessionCounts } from '../components/session-counts';
import '../../components/staff.css';
import '../components/council.css';

/** 本人预约 / 家属王桂芳代约 / 社区刘晶代约. */
export function bookedByText(booking: Pick<Attendee, 'bookedBy'>): string {
  const { via, name } = booking.bookedBy;
  if (via === 'self') return '本人预约';
  return via === 'caregiver' ? `家属${name}代约` : `社区${name}代约`;
}

function AttendeeRow({ attendee }: { attendee: Attendee }) {
  return (
    <View className="council-staff__attendee" aria-label={`参会人 ${attendee.memberName}`}>
      <View className="council-staff__row">
        <Text className="council-staff__name">{attendee.memberName}</Text>
        <BookingStatusTag booking={attendee} />
      </View>
      <Text className="council-staff__line linli-muted">
        {bookedByText(attendee)} · {formatMoment(attendee.createdAt)}
      </Text>
      {attendee.checkedInAt ? (
        <Text className="council-staff__line">签到于 {formatMoment(attendee.checkedInAt)}</Text>
      ) : null}
    </View>
  );
}

function Attendees({ communityId, sessionId }: { communityId: string; sessionId: string }) {
  const list = useAttendees(communityId, sessionId);
  const buildingNames = useBuildingNames(communityId);
  if (!list.data) {
    return <RequestStatus what="参会名单" loading={list.loading} error={list.error} onRetry={list.reload} />;
  }
  const { session, attendees } = list.data;
  const scheduled = session.status === 'scheduled';
  const notStarted = Date.now() < Date.parse(session.startsAt);
  const ended = Date.now() > Date.parse(session.endsAt);
  const checkInOpensAt = Date.parse(session.startsAt) - CHECKIN_OPENS_MINUTES_BEFORE * 60_000;
  const checkInOpen = Date.now() >= checkInOpensAt && !ended;
  const attended = attendees.filter((a) => a.status === 'attended').length;

  return (
    <>
      <SessionCard
        session={session}
        buildingNames={buildingNames}
        badges={scheduled ? undefined : <StatusTag tone="bad">已取消</StatusTag>}
      >
        <SessionCounts session={session} />
      </SessionCard>
      {scheduled && checkInOpen ? (
        <CheckInPanel communityId={communityId} sessionId={sessionId} onCheckedIn={list.reload} />
      ) : null}
      {scheduled && !checkInOpen && !ended ? (
        <View className="linli-card">
          <Text className="staff__title">现场签到</Text>
          <Text className="staff__text linli-muted">
            {`签到从 ${formatMoment(new Date(checkInOpensAt).toISOString())} 开始（开会前${formatMinutes(CHECKIN_OPENS_MINUTES_BEFORE)}）。`}
          </Text>
        </View>
      ) : null}

      <Text className="linli-section-title">
        名单（{attendees.length} 人，已签到 {attended} 人）
      </Text>
      <View className="linli-card">
        {attendees.length === 0 ? <Text className="linli-muted">还没有人预约</Text> : null}
        {attendees.map((attendee) => (
          <AttendeeRow key={attendee.bookingId} attendee={attendee} />
        ))}
      </View>

      <ExportPanel communityId={communityId} sessionId={sessionId} />
      {scheduled && notStarted ? (
        <View className="linli-card">
          <Text className="staff__title">开会前</Text>
          <Text className="staff__text linli-muted">
            为不用微信的居民预约座位；如果议事会不能召开，取消后会通知已预约和候补的居民。
          </Text>
          <Button
            className="staff__action"
            type="primary"
            size="large"
            block
            onClick={() => void Taro.navigateTo({ url: `${SUB_PAGES.staffBookFor}?sessionId=${sessionId}` })}
          >
            为不用微信的居民代约
          </Button>
          <CancelSessionForm communityId={communityId} sessionId={sessionId} onCancelled={list.reload} />
        </View>
      ) : null}
    </>
  );
}

/** 参会名单: who booked (and for whom), 签到 by scan or code, 导出名单, 取消议事会. */
export default function StaffAttendeesPage() {
  const { params } = useRouter();
  return (
    <PageShell className="council-staff">
      <StaffGate>
        {(communityId) => <Attendees communityId={communityId} sessionId={params.sessionId ?? ''} />}
      </StaffGate>
    </PageShell>
  );
}
