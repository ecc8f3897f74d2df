import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { MemberCard } from '../../../../components/member-card';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { SUB_PAGES } from '../../../../constants';
import { useCommunity } from '../../../../hooks/use-community';
import { actForMember } from '../../../../hooks/use-council-staff';
import { useMembers, type Members } from '../../../../hooks/use-staff';
import { StaffGate } from '../../components/staff-gate';
import { ALL_BUILDINGS, BuildingFilter } from '../../components/building-filter';
import '../../components/staff.css';

type Member = Members['members'][number];

function Record({ communityId }: { communityId: string }) {
  const community = useCommunity(communityId);
  const [buildingId, setBuildingId] = useState<string>(ALL_BUILDINGS);
  const members = useMembers(communityId, buildingId === ALL_BUILDINGS ? undefined : buildingId);
  const buildings = community.data?.grids.flatMap((grid) => grid.buildings) ?? [];

  const recordFor = (member: Member) => {
    if (!actForMember(member)) return;
    void Taro.navigateTo({ url: SUB_PAGES.agendaSubmit });
  };

  return (
    <>
      <View className="linli-card">
        <Text className="staff__title">替居民登记议题</Text>
        <Text className="staff__text linli-muted">
          选择提出议题的居民，页面会切换到“为TA代办”，填写后议题记在TA名下，并注明由您代为登记。
        </Text>
      </View>
      <BuildingFilter buildings={buildings} value={buildingId} onChange={setBuildingId} withAll />
      {members.data ? (
        members.data.members.length === 0 ? (
          <View className="linli-card staff__empty">
            <Text>这栋楼还没有认证居民</Text>
          </View>
        ) : (
          members.data.members.map((member) => (
            <MemberCard key={member.memberId} member={member} showCommunity={false}>
              <Button className="staff__action" type="primary" size="large" block onClick={() => recordFor(member)}>
                为{member.realName}登记议题
              </Button>
            </MemberCard>
          ))
        )
      ) : (
        <RequestStatus what="居民档案" loading={members.loading} error={members.error} onRetry={members.reload} />
      )}
    </>
  );
}

/** 代居民登记议题: staff pick the resident who raised a topic in person, then fill the form for them. */
export default function StaffRecordTopicPage() {
  return (
    <PageShell className="staff-agenda-record">
      <StaffGate>{(communityId) => <Record communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
