import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../../../components/choice-chips';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { SUB_PAGES } from '../../../../constants';
import { actForMember } from '../../../../hooks/use-council-staff';
import { ActForMemberCard, useBuildingMembers, type Member } from '../../components/act-for-member';
import { StaffGate } from '../../components/staff-gate';
import '../../components/staff.css';

function OrderFor({ communityId, query }: { communityId: string; query: Record<string, string | undefined> }) {
  const { buildings, buildingId, choose, members, list } = useBuildingMembers(communityId);

  const orderFor = (member: Member) => {
    if (!actForMember(member)) return;
    const ref = `communityId=${communityId}&canteenId=${query.canteenId}&date=${query.date}&meal=${query.meal}`;
    void Taro.redirectTo({ url: `${SUB_PAGES.canteenMenu}?${ref}` });
  };

  return (
    <>
      <View className="linli-card">
        <Text className="staff__text linli-muted">
          为不用微信的居民电话订餐：选择居民后，页面切换到“为TA代办”，按老人说的选菜下单。补贴按老人的年龄计算。
        </Text>
      </View>
      <View className="staff__filter">
        <ChoiceChips
          label="楼栋"
          choices={buildings.map((b) => ({ value: b.id, label: b.name }))}
          value={buildingId}
          onChange={choose}
        />
      </View>
      {members.data ? (
        list.map((member) => (
          <ActForMemberCard
            key={member.memberId}
            member={member}
            action={`为${member.realName}订餐`}
            onAct={() => orderFor(member)}
          />
        ))
      ) : (
        <RequestStatus what="居民档案" loading={members.loading} error={members.error} onRetry={members.reload} />
      )}
    </>
  );
}

/** 电话代订: staff pick a member (usually an elder without WeChat) and order for them. */
export default function StaffCanteenOrderForPage() {
  const { params } = useRouter();
  return (
    <PageShell className="canteen-staff">
      <StaffGate>{(communityId) => <OrderFor communityId={communityId} query={params} />}</StaffGate>
    </PageShell>
  );
}
