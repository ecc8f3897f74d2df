import { ComingSoon } from '../../components/coming-soon';
import { PageShell } from '../../components/page-shell';

/** 议事 tab: not built yet, says so plainly. */
export default function CouncilPage() {
  return (
    <PageShell>
      <ComingSoon feature="社区议事" icon="🗳️" description="居民可以在这里发起议题、报名参加议事会、查看表决结果。" />
    </PageShell>
  );
}
