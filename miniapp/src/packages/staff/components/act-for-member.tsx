import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { MemberCard } from '../../../components/member-card';
import { StatusTag } from '../../../components/status-tag';
import { useCommunity } from '../../../hooks/use-community';
import { useMembers, type Members } from '../../../hooks/use-staff';

export type Member = Members['members'][number];

/**
 * The members of one building (the first until staff choose another), for staff acting for one of
 * them by phone: those without WeChat come first, since those with it can do it themselves.
 */
export function useBuildingMembers(communityId: string) {
  const community = useCommunity(communityId);
  const buildings = community.data?.grids.flatMap((g) => g.buildings) ?? [];
  const [chosen, setChosen] = useState<string>();
  const buildingId = chosen ?? buildings[0]?.id;
  const members = useMembers(communityId, buildingId);
  const list = [...(members.data?.members ?? [])].sort((a, b) => Number(a.hasWeChat) - Number(b.hasWeChat));
  return { buildings, buildingId, choose: setChosen, members, list };
}

/** A member staff may act for: whether they use WeChat, and the one button that starts acting for them. */
export function ActForMemberCard({ member, action, onAct }: { member: Member; action: string; onAct: () => void }) {
  return (
    <MemberCard
      member={member}
      showCommunity={false}
      badge={
        member.hasWeChat ? <StatusTag tone="neutral">已用微信</StatusTag> : <StatusTag tone="waiting">无微信</StatusTag>
      }
    >
      <Button className="staff__action" type="primary" size="large" block onClick={onAct}>
        {action}
      </Button>
    </MemberCard>
  );
}
