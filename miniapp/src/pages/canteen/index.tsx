import { ComingSoon } from '../../components/coming-soon';
import { PageShell } from '../../components/page-shell';

/** 食堂 tab: not built yet, says so plainly. */
export default function CanteenPage() {
  return (
    <PageShell>
      <ComingSoon feature="长者食堂" icon="🍲" description="老人可以在这里查看每日菜单、预订餐位，助餐补贴自动抵扣。" />
    </PageShell>
  );
}
