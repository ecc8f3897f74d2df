import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { links } from '@linli/shared/domain/notify/links';
import { CouncilGate } from '../../../../components/council-gate';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { useMe } from '../../../../hooks/use-me';
import { useMyNeedTasks } from '../../../../hooks/use-needs';
import { partnerGrantOf } from '../../components/care-gate';
import { NeedCard } from '../components/need-card';
import '../components/needs.css';

const NEXT: Partial<Record<string, string>> = {
  dispatched: '请点进去接单或退单',
  accepted: '办好后点进去写办理情况',
};

function Tasks({ communityId }: { communityId: string }) {
  const list = useMyNeedTasks(communityId);
  if (!list.data) return <RequestStatus what="任务" loading={list.loading} error={list.error} onRetry={list.reload} />;
  return (
    <>
      <Text className="needs__intro linli-muted">社区派给我的求助，超时的在前。</Text>
      {list.data.needs.length === 0 ? (
        <View className="linli-card">
          <Text>暂时没有派给我的任务</Text>
        </View>
      ) : (
        list.data.needs.map((need) => (
          <NeedCard
            key={need.needId}
            need={need}
            onOpen={() => void Taro.navigateTo({ url: links.careNeed(need.communityId, need.needId) })}
          >
            {NEXT[need.status] ? <Text className="need-card__meta">{NEXT[need.status]}</Text> : null}
          </NeedCard>
        ))
      )}
    </>
  );
}

/** 我的任务: needs dispatched to me (volunteer, staff) or my partner unit; accept, decline, finish from each. */
export default function NeedTasksPage() {
  const { me } = useMe();
  const partner = partnerGrantOf(me);
  const volunteer = me?.grants.find((g) => (g.role === 'volunteer' || g.role === 'staff') && g.communityId);
  const communityId = partner?.communityId ?? volunteer?.communityId;
  return (
    <PageShell className="needs-tasks">
      {communityId ? (
        <Tasks communityId={communityId} />
      ) : (
        <CouncilGate>{(viewer) => <Tasks communityId={viewer.communityId} />}</CouncilGate>
      )}
    </PageShell>
  );
}
