import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { links } from '@linli/shared/domain/notify/links';
import { useState } from 'react';
import { BookingStatusTag } from '../../../../components/booking-status';
import { ChoiceChips } from '../../../../components/choice-chips';
import { MemberCard } from '../../../../components/member-card';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { StatusTag } from '../../../../components/status-tag';
import { useCommunity } from '../../../../hooks/use-community';
import { actForMember, useAttendees } from '../../../../hooks/use-council-staff';
import { useMembers, type Members } from '../../../../hooks/use-staff';
import { formatSessionTime } from '../../../../utils/session-time';
import { StaffGate } from '../../components/staff-gate';
import '../../components/staff.css';
import '../components/council.css';

const ALL = 'all';

type Member = Members['members'][number];

function BookFor({ communityId, sessionId }: { communityId: string; sessionId: string }) {
  const attendees = useAttendees(communityId, sessionId);
  const community = useCommunity(communityId);
  const session = attendees.data?.session;
  const audience = session?.audience;
  const allBuildings = community.data?.grids.flatMap((grid) => grid.buildings) ?? [];
  const buildings =
    audience?.kind === 'buildings' ? allBuildings.filter((b) => audience.buildingIds.includes(b.id)) : allBuildings;
  const [chosen, setChosen] = useState<string>();
  // Only the audience's buildings: a member elsewhere could not book this session.
  const buildingId = chosen ?? (audience?.kind === 'buildings' ? audience.buildingIds[0] : ALL);
  const members = useMembers(communityId, buildingId === ALL ? undefined : buildingId);
  const booked = new Map((attendees.data?.attendees ?? []).map((a) => [a.memberId, a]));

  const bookFor = (member: Member) => {
    if (!session || !actForMember(member)) return;
    void Taro.redirectTo({ url: links.councilSession(communityId, session.sessionId) });
  };

  if (!session) {
    return (
      <RequestStatus what="议事会" loading={attendees.loading} error={attendees.error} onRetry={attendees.reload} />
    );
  }
  // Members who use WeChat can book themselves; those without come first.
  const list = [...(members.data?.members ?? [])].sort((a, b) => Number(a.hasWeChat) - Number(b.hasWeChat));

  return (
    <>
      <View className="linli-card">
        <Text className="staff__title">{session.title}</Text>
        <Text className="staff__text">{formatSessionTime(session.startsAt, session.endsAt)}</Text>
        <Text className="staff__text linli-muted">
          选择一位居民，页面会切换到“为TA代办”，在议事会页面点“预约座位”即可。签到码可以抄给老人。
        </Text>
      </View>
      <View className="staff__filter">
        <ChoiceChips
          label="按楼栋查看"
          choices={[
            ...(audience?.kind === 'community' ? [{ value: ALL, label: '全部' }] : []),
            ...buildings.map((b) => ({ value: b.id, label: b.name })),
          ]}
          value={buildingId}
          onChange={setChosen}
        />
      </View>
      {members.data ? (
        list.length === 0 ? (
          <View className="linli-card staff__empty">
            <Text>这栋楼还没有认证居民</Text>
          </View>
        ) : (
          list.map((member) => {
            const booking = booked.get(member.memberId);
            return (
              <MemberCard
                key={member.memberId}
                member={member}
                showCommunity={false}
                badge={
                  booking ? (
                    <BookingStatusTag booking={booking} />
                  ) : member.hasWeChat ? (
                    <StatusTag tone="neutral">已用微信</StatusTag>
                  ) : (
                    <StatusTag tone="waiting">无微信</StatusTag>
                  )
                }
              >
                {booking ? null : (
                  <Button className="staff__action" type="primary" size="large" block onClick={() => bookFor(member)}>
                    为{member.realName}预约
                  </Button>
                )}
              </MemberCard>
            );
          })
        )
      ) : (
        <RequestStatus what="居民档案" loading={members.loading} error={members.error} onRetry={members.reload} />
      )}
    </>
  );
}

/** 为居民代约: staff pick a member (usually an elder without WeChat) to book this session for. */
export default function StaffBookForPage() {
  const { params } = useRouter();
  return (
    <PageShell className="council-staff">
      <StaffGate>{(communityId) => <BookFor communityId={communityId} sessionId={params.sessionId ?? ''} />}</StaffGate>
    </PageShell>
  );
}
