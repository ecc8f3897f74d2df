import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { links } from '@linli/shared/domain/notify/links';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { SUB_PAGES } from '../../../../constants';
import { useMyNeeds } from '../../../../hooks/use-needs';
import { CareGate, actingIdOf, type CareViewer } from '../../components/care-gate';
import { NeedCard } from '../components/need-card';
import '../components/needs.css';

const NEXT: Partial<Record<string, string>> = {
  new: '社区正在安排人手',
  dispatched: '已派单，等待接单',
  accepted: '已接单，正在办理',
  done: '已办结，请点进去评价',
};

function MyNeeds({ viewer }: { viewer: CareViewer }) {
  const list = useMyNeeds(actingIdOf(viewer));
  const acting = viewer.kind === 'member' ? viewer.acting : null;
  if (!list.data) return <RequestStatus what="求助" loading={list.loading} error={list.error} onRetry={list.reload} />;
  return (
    <>
      <Text className="needs__intro linli-muted">
        {acting ? `${acting.realName}的求助，新的在前。` : '我提过的求助，新的在前。'}
      </Text>
      {list.data.needs.length === 0 ? (
        <View className="linli-card">
          <Text>还没有求助过</Text>
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
      <Button
        className="needs__action"
        type="primary"
        size="large"
        block
        onClick={() => void Taro.navigateTo({ url: SUB_PAGES.careNeedPost })}
      >
        我要求助
      </Button>
    </>
  );
}

/** 我的求助: mine or the acted-for elder's, each with its state and what comes next. */
export default function MyNeedsPage() {
  return (
    <PageShell className="needs-mine">
      <CareGate>{(viewer) => <MyNeeds viewer={viewer} />}</CareGate>
    </PageShell>
  );
}
