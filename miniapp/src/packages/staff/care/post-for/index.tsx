import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { SUB_PAGES } from '../../../../constants';
import { actForMember } from '../../../../hooks/use-council-staff';
import { ActForMemberCard, useBuildingMembers, type Member } from '../../components/act-for-member';
import { StaffGate } from '../../components/staff-gate';
import { BuildingFilter } from '../../components/building-filter';
import '../../components/staff.css';

function PostFor({ communityId }: { communityId: string }) {
  const { buildings, buildingId, choose, members, list } = useBuildingMembers(communityId);
  const postFor = (member: Member) => {
    if (actForMember(member)) void Taro.redirectTo({ url: SUB_PAGES.carePost });
  };
  return (
    <>
      <Text className="staff__intro linli-muted">
        选择一位居民，页面会切换到“为TA代办”，再填写TA的心愿。心愿会标明“社区工作人员代为登记”。
      </Text>
      <BuildingFilter buildings={buildings} value={buildingId} onChange={choose} />
      {!members.data ? (
        <RequestStatus what="居民档案" loading={members.loading} error={members.error} onRetry={members.reload} />
      ) : list.length === 0 ? (
        <View className="linli-card staff__empty">
          <Text>这栋楼还没有认证居民</Text>
        </View>
      ) : (
        list.map((member) => (
          <ActForMemberCard
            key={member.memberId}
            member={member}
            action={`为${member.realName}许心愿`}
            onAct={() => postFor(member)}
          />
        ))
      )}
    </>
  );
}

/** 代居民许心愿: staff pick a member (usually an elder without WeChat) and post a wish for them. */
export default function StaffPostWishForPage() {
  return (
    <PageShell className="staff-care-post-for">
      <StaffGate>{(communityId) => <PostFor communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
