import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { MemberCard } from '../../../../components/member-card';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { StatusTag } from '../../../../components/status-tag';
import { SUB_PAGES } from '../../../../constants';
import { useCommunity } from '../../../../hooks/use-community';
import { actForMember } from '../../../../hooks/use-council-staff';
import { useMembers, type Members } from '../../../../hooks/use-staff';
import { StaffGate } from '../../components/staff-gate';
import '../../components/staff.css';

type Member = Members['members'][number];

function OrderFor({ communityId, query }: { communityId: string; query: Record<string, string | undefined> }) {
  const community = useCommunity(communityId);
  const buildings = community.data?.grids.flatMap((g) => g.buildings) ?? [];
  const [chosen, setChosen] = useState<string>();
  const buildingId = chosen ?? buildings[0]?.id;
  const members = useMembers(communityId, buildingId);

  const orderFor = (member: Member) => {
    if (!actForMember(member)) return;
    const ref = `communityId=${communityId}&canteenId=${query.canteenId}&date=${query.date}&meal=${query.meal}`;
    void Taro.redirectTo({ url: `${SUB_PAGES.canteenMenu}?${ref}` });
  };
  const list = [...(members.data?.members ?? [])].sort((a, b) => Number(a.hasWeChat) - Number(b.hasWeChat));

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
          onChange={setChosen}
        />
      </View>
      {members.data ? (
        list.map((member) => (
          <MemberCard
            key={member.memberId}
            member={member}
            showCommunity={false}
            badge={
              member.hasWeChat ? (
                <StatusTag tone="neutral">已用微信</StatusTag>
              ) : (
                <StatusTag tone="waiting">无微信</StatusTag>
              )
            }
          >
            <Button className="staff__action" type="primary" size="large" block onClick={() => orderFor(member)}>
              为{member.realName}订餐
            </Button>
          </MemberCard>
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
