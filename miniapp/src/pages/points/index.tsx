import { ComingSoon } from '../../components/coming-soon';
import { PageShell } from '../../components/page-shell';

/** 积分 tab: not built yet, says so plainly. */
export default function PointsPage() {
  return (
    <PageShell>
      <ComingSoon feature="邻里积分" icon="🎁" description="参加志愿服务和社区活动可以攒积分，积分能在合作商户兑换。" />
    </PageShell>
  );
}
