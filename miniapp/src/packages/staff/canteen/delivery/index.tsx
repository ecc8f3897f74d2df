import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { MemberCard } from '../../../../components/member-card';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { StatusTag } from '../../../../components/status-tag';
import { useDeliveryEligibility, useSetDeliveryEligibility } from '../../../../hooks/use-canteen-staff';
import { useCommunity } from '../../../../hooks/use-community';
import { useMembers } from '../../../../hooks/use-staff';
import { StaffGate } from '../../components/staff-gate';
import '../../components/staff.css';
import '../components/canteen-staff.css';

function DeliveryEligibility({ communityId }: { communityId: string }) {
  const eligible = useDeliveryEligibility(communityId);
  const setEligibility = useSetDeliveryEligibility(communityId);
  const community = useCommunity(communityId);
  const buildings = community.data?.grids.flatMap((g) => g.buildings) ?? [];
  const [chosen, setChosen] = useState<string>();
  const buildingId = chosen ?? buildings[0]?.id;
  const members = useMembers(communityId, buildingId);
  const eligibleIds = new Set((eligible.data?.members ?? []).map((m) => m.memberId));

  const change = async (memberId: string, name: string, on: boolean, reason?: string) => {
    if (await setEligibility.submit({ memberId, eligible: on, reason })) {
      void Taro.showToast({ title: on ? `已为${name}登记送餐` : `已取消${name}的送餐资格`, icon: 'none' });
      eligible.reload();
    }
  };

  return (
    <>
      <View className="linli-card">
        <Text className="staff__text linli-muted">
          送餐上门仅限 80 岁以上或行动不便的老人。登记后，老人（或代办的家属、工作人员）点餐时可以选“送餐上门”。
        </Text>
      </View>
      <Text className="linli-section-title">可送餐上门的居民</Text>
      {eligible.data ? (
        eligible.data.members.length === 0 ? (
          <View className="linli-card">
            <Text className="linli-muted">还没有登记</Text>
          </View>
        ) : (
          eligible.data.members.map((m) => (
            <View className="linli-card" key={m.memberId} role="group" aria-label={`送餐资格 ${m.name}`}>
              <Text className="staff__title">
                {m.name}（{m.age}岁）
              </Text>
              <Text className="staff__text linli-muted">
                {m.address.buildingName}
                {m.address.unitName}
                {m.address.room}
                {m.reason ? ` · ${m.reason}` : ''}
              </Text>
              <Button size="large" block onClick={() => void change(m.memberId, m.name, false)}>
                取消送餐资格
              </Button>
            </View>
          ))
        )
      ) : (
        <RequestStatus what="送餐名单" loading={eligible.loading} error={eligible.error} onRetry={eligible.reload} />
      )}
      <Text className="linli-section-title">登记送餐资格</Text>
      <View className="staff__filter">
        <ChoiceChips
          label="楼栋"
          choices={buildings.map((b) => ({ value: b.id, label: b.name }))}
          value={buildingId}
          onChange={setChosen}
        />
      </View>
      {members.data ? (
        members.data.members.map((member) => (
          <MemberCard
            key={member.memberId}
            member={member}
            showCommunity={false}
            badge={eligibleIds.has(member.memberId) ? <StatusTag tone="ok">可送餐</StatusTag> : undefined}
          >
            {eligibleIds.has(member.memberId) ? null : (
              <Button
                className="staff__action"
                type="primary"
                size="large"
                block
                onClick={() =>
                  void change(member.memberId, member.realName, true, member.age >= 80 ? '高龄' : '行动不便')
                }
              >
                登记送餐上门
              </Button>
            )}
          </MemberCard>
        ))
      ) : (
        <RequestStatus what="居民档案" loading={members.loading} error={members.error} onRetry={members.reload} />
      )}
    </>
  );
}

/** 送餐资格: who may have meals delivered (80+ or limited mobility), and registering more. */
export default function StaffCanteenDeliveryPage() {
  return (
    <PageShell className="canteen-staff">
      <StaffGate>{(communityId) => <DeliveryEligibility communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
