import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { links } from '@linli/shared/domain/notify/links';
import { FormError } from '../../../components/form-error';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { SUB_PAGES } from '../../../constants';
import { useMyClaims, useWishSteps, type Wish } from '../../../hooks/use-care';
import { CareGate, type CareViewer } from '../components/care-gate';
import { WishCard } from '../../../components/wish-card';
import '../components/care.css';

/** A claimed wish: 标记已送达 (on its page, with the note) or 给回 (here, after asking). */
function Claimed({ communityId, wish, onChanged }: { communityId: string; wish: Wish; onChanged: () => void }) {
  const steps = useWishSteps(communityId, wish.wishId);
  const page = links.careWish(communityId, wish.wishId);
  const release = async () => {
    const { confirm } = await Taro.showModal({
      title: '给回心愿墙',
      content: `「${wish.text}」会回到心愿墙，由别人认领。确定放弃认领吗？`,
      confirmText: '放弃认领',
    });
    if (!confirm || !(await steps.release.submit(undefined))) return;
    void Taro.showToast({ title: '已给回心愿墙', icon: 'none', duration: 2000 });
    onChanged();
  };
  return (
    <WishCard wish={wish} onOpen={() => void Taro.navigateTo({ url: page })}>
      {wish.status === 'claimed' ? (
        <>
          <Button
            className="care__action"
            type="primary"
            size="large"
            block
            onClick={() => void Taro.navigateTo({ url: page })}
          >
            去标记已送达
          </Button>
          <Button
            className="care__action"
            size="large"
            block
            loading={steps.release.pending}
            onClick={() => void release()}
          >
            给回心愿墙
          </Button>
        </>
      ) : null}
      {wish.status === 'delivered' ? <Text className="care__text">已送达，等待许愿人确认圆梦</Text> : null}
      {steps.release.error ? (
        <FormError message={steps.release.error.message} onDismiss={steps.release.dismiss} />
      ) : null}
    </WishCard>
  );
}

function Claims({ viewer }: { viewer: CareViewer }) {
  const list = useMyClaims(viewer.communityId);
  if (!list.data)
    return <RequestStatus what="认领的心愿" loading={list.loading} error={list.error} onRetry={list.reload} />;
  const active = list.data.wishes.filter((w) => w.status === 'claimed' || w.status === 'delivered');
  const done = list.data.wishes.filter((w) => w.status === 'fulfilled');
  return (
    <>
      <Text className="care__intro linli-muted">
        {viewer.kind === 'partner' ? '贵单位认领的心愿。' : '我认领的心愿。'}送达后请标记已送达，许愿人确认后即圆梦。
      </Text>
      {active.length === 0 ? (
        <View className="linli-card care__empty">
          <Text className="care__text">现在没有正在认领的心愿</Text>
          <Button
            className="care__action"
            type="primary"
            size="large"
            block
            onClick={() => void Taro.navigateTo({ url: SUB_PAGES.careWall })}
          >
            去心愿墙看看
          </Button>
        </View>
      ) : (
        active.map((wish) => (
          <Claimed key={wish.wishId} communityId={viewer.communityId} wish={wish} onChanged={list.reload} />
        ))
      )}
      {done.length > 0 ? (
        <>
          <Text className="linli-section-title">已圆梦（{done.length} 个）</Text>
          {done.map((wish) => (
            <WishCard
              key={wish.wishId}
              wish={wish}
              onOpen={() => void Taro.navigateTo({ url: links.careWish(viewer.communityId, wish.wishId) })}
            />
          ))}
        </>
      ) : null}
    </>
  );
}

/** 我认领的心愿: mine or my partner unit's, to deliver or give back; the fulfilled ones below. */
export default function MyClaimsPage() {
  return (
    <PageShell className="care-claims">
      <CareGate>
        {(viewer) =>
          viewer.kind === 'staff' ? (
            <View className="linli-card">
              <Text className="care__text">社区工作人员在工作台查看所有认领。</Text>
            </View>
          ) : (
            <Claims viewer={viewer} />
          )
        }
      </CareGate>
    </PageShell>
  );
}
