import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { BookingStatusTag } from '../../../components/booking-status';
import { CouncilGate, type CouncilReader } from '../../../components/council-gate';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { SessionCard } from '../../../components/session-card';
import { ShareButton } from '../../../components/share-button';
import { StatusTag } from '../../../components/status-tag';
import { SUB_PAGES } from '../../../constants';
import { useBuildingNames, useSessionDetail, type SessionDetail } from '../../../hooks/use-council';
import { BookingPanel } from './booking-panel';
import { SessionAgenda } from './session-agenda';
import { useCurrentCommunity } from '../../../hooks/use-current-community';
import { useShareCard } from '../../../hooks/use-share-card';
import { sessionShareCard } from '../../../services/share';
import './index.css';

/** Staff acting for nobody: what they can do for this session from here. */
function StaffPanel({ sessionId }: { sessionId: string }) {
  const open = (url: string) => () => void Taro.navigateTo({ url: `${url}?sessionId=${sessionId}` });
  return (
    <View className="linli-card">
      <Text className="session__title">社区工作人员</Text>
      <Text className="session__text linli-muted">为不用微信的居民预约：点“为居民代约”，选好居民后回到这里预约。</Text>
      <View className="session__buttons">
        <Button className="session__button" size="large" onClick={open(SUB_PAGES.staffAttendees)}>
          参会名单
        </Button>
        <Button className="session__button" type="primary" size="large" onClick={open(SUB_PAGES.staffBookFor)}>
          为居民代约
        </Button>
      </View>
    </View>
  );
}

function Session({
  viewer,
  communityId,
  sessionId,
}: {
  viewer: CouncilReader;
  communityId: string;
  sessionId: string;
}) {
  const acting = viewer.kind === 'member' ? viewer.acting : null;
  const detail = useSessionDetail(communityId, sessionId, acting?.memberId);
  const buildingNames = useBuildingNames(communityId);
  const data: SessionDetail | undefined = detail.data;
  const card = data ? sessionShareCard(communityId, data.session) : undefined;
  useShareCard(card);
  if (!data || !card) {
    return <RequestStatus what="议事会" loading={detail.loading} error={detail.error} onRetry={detail.reload} />;
  }
  const { session, myBooking } = data;
  return (
    <>
      <SessionCard
        session={session}
        buildingNames={buildingNames}
        large
        badges={
          session.status === 'cancelled' ? (
            <StatusTag tone="bad">已取消</StatusTag>
          ) : myBooking ? (
            <BookingStatusTag booking={myBooking} />
          ) : undefined
        }
      />
      <ShareButton card={card} />
      {viewer.kind === 'staff' ? (
        <StaffPanel sessionId={sessionId} />
      ) : (
        <BookingPanel detail={data} acting={acting} communityId={communityId} onChanged={detail.reload} />
      )}
      <SessionAgenda communityId={communityId} sessionId={sessionId} />
    </>
  );
}

/** 议事会详情: the session, and booking, cancelling or showing the seat's QR code and 签到码. */
export default function CouncilSessionPage() {
  const { params } = useRouter();
  const current = useCurrentCommunity().communityId;
  const communityId = params.communityId || current || '';
  const sessionId = params.sessionId ?? '';
  return (
    <PageShell className="session">
      <CouncilGate>
        {(viewer) => <Session viewer={viewer} communityId={communityId} sessionId={sessionId} />}
      </CouncilGate>
    </PageShell>
  );
}
