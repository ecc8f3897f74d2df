import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MemberCard } from '../../../components/member-card';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { StatusTag } from '../../../components/status-tag';
import { useCommunity } from '../../../hooks/use-community';
import { useMembers } from '../../../hooks/use-staff';
import { StaffGate } from '../components/staff-gate';
import { ALL_BUILDINGS, BuildingFilter } from '../components/building-filter';
import '../components/staff.css';

function Members({ communityId }: { communityId: string }) {
  const community = useCommunity(communityId);
  const [buildingId, setBuildingId] = useState<string>(ALL_BUILDINGS);
  const members = useMembers(communityId, buildingId === ALL_BUILDINGS ? undefined : buildingId);
  useDidShow(() => members.reload());
  const buildings = community.data?.grids.flatMap((grid) => grid.buildings) ?? [];
  const list = members.data?.members;

  return (
    <>
      <BuildingFilter buildings={buildings} value={buildingId} onChange={setBuildingId} withAll />
      {list ? (
        <>
          <Text className="linli-section-title">共 {list.length} 位已认证居民</Text>
          {list.length === 0 ? (
            <View className="linli-card staff__empty">
              <Text>这栋楼还没有认证居民</Text>
            </View>
          ) : (
            list.map((member) => (
              <MemberCard
                key={member.memberId}
                member={member}
                showCommunity={false}
                badge={
                  member.hasWeChat ? (
                    <StatusTag tone="ok">已用微信</StatusTag>
                  ) : (
                    <StatusTag tone="neutral">无微信</StatusTag>
                  )
                }
              />
            ))
          )}
        </>
      ) : (
        <RequestStatus what="居民档案" loading={members.loading} error={members.error} onRetry={members.reload} />
      )}
    </>
  );
}

/** 居民档案: the community's verified members, by building. */
export default function StaffMembersPage() {
  return (
    <PageShell className="members">
      <StaffGate>{(communityId) => <Members communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
