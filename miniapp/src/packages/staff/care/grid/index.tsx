import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EntryCard } from '../../../../components/entry-card';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { SUB_PAGES } from '../../../../constants';
import { useCommunityOverdue } from '../../../../hooks/use-grid';
import { PersonRow } from '../../../../components/grid-person';
import { StaffGate } from '../../components/staff-gate';
import '../../components/staff.css';

function Overdue({ communityId }: { communityId: string }) {
  const overdue = useCommunityOverdue(communityId);
  const open = (url: string) => () => void Taro.navigateTo({ url });
  return (
    <>
      <EntryCard
        icon="members"
        title="网格员"
        description="任命、调整负责网格、免去"
        onOpen={open(SUB_PAGES.staffGridWorkers)}
      />
      <EntryCard
        icon="setting"
        title="探访间隔"
        description="独居、高龄等老人多少天探访一次"
        onOpen={open(SUB_PAGES.staffGridIntervals)}
      />
      <Text className="linli-section-title">超期未探访（等得最久的在前）</Text>
      {!overdue.data ? (
        <RequestStatus what="超期名单" loading={overdue.loading} error={overdue.error} onRetry={overdue.reload} />
      ) : overdue.data.people.length === 0 ? (
        <View className="linli-card">
          <Text className="staff__text linli-muted">没有超期未探访的老人。</Text>
        </View>
      ) : (
        overdue.data.people.map((p) => (
          <PersonRow
            key={p.memberId}
            person={p}
            showGrid
            onOpen={open(
              `${SUB_PAGES.gridPerson}?communityId=${encodeURIComponent(communityId)}&memberId=${encodeURIComponent(p.memberId)}`,
            )}
          />
        ))
      )}
    </>
  );
}

/** 网格探访 for staff: the community's overdue list, grid workers and visit intervals. */
export default function StaffGridPage() {
  return (
    <PageShell>
      <StaffGate>{(communityId) => <Overdue communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
