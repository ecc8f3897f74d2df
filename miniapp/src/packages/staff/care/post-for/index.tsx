import Taro from '@tarojs/taro';
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

function PostFor({ communityId }: { communityId: string }) {
  const community = useCommunity(communityId);
  const buildings = community.data?.grids.flatMap((g) => g.buildings) ?? [];
  const [chosen, setChosen] = useState<string>();
  const buildingId = chosen ?? buildings[0]?.id;
  const members = useMembers(communityId, buildingId);
  // Members who use WeChat can post themselves; those without come first.
  const list = [...(members.data?.members ?? [])].sort((a, b) => Number(a.hasWeChat) - Number(b.hasWeChat));
  const postFor = (member: Member) => {
    if (actForMember(member)) void Taro.redirectTo({ url: SUB_PAGES.carePost });
  };
  return (
    <>
      <Text className="staff__intro linli-muted">
        选择一位居民，页面会切换到“为TA代办”，再填写TA的心愿。心愿会标明“社区工作人员代为登记”。
      </Text>
      {buildings.length > 0 ? (
        <View className="staff__filter">
          <ChoiceChips
            label="按楼栋查看"
            choices={buildings.map((b) => ({ value: b.id, label: b.name }))}
            value={buildingId}
            onChange={setChosen}
          />
        </View>
      ) : null}
      {!members.data ? (
        <RequestStatus what="居民档案" loading={members.loading} error={members.error} onRetry={members.reload} />
      ) : list.length === 0 ? (
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
                <StatusTag tone="neutral">已用微信</StatusTag>
              ) : (
                <StatusTag tone="waiting">无微信</StatusTag>
              )
            }
          >
            <Button className="staff__action" type="primary" size="large" block onClick={() => postFor(member)}>
              为{member.realName}许心愿
            </Button>
          </MemberCard>
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
