import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { links } from '@linli/shared/domain/notify/links';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { SUB_PAGES } from '../../../constants';
import { useMyWishes } from '../../../hooks/use-care';
import { CareGate, actingIdOf, type CareViewer } from '../components/care-gate';
import { WishCard } from '../../../components/wish-card';
import '../components/care.css';

/** What the wisher's side should do next, under the card. */
const NEXT: Partial<Record<string, string>> = {
  pending_review: '等待社区审核，通过后上心愿墙',
  open: '已上心愿墙，等待认领',
  claimed: '已有人认领，正在准备',
  delivered: '已送达，收到后请点进去确认圆梦',
};

function MyWishes({ viewer }: { viewer: CareViewer }) {
  const list = useMyWishes(actingIdOf(viewer));
  const acting = viewer.kind === 'member' ? viewer.acting : null;
  if (!list.data) return <RequestStatus what="心愿" loading={list.loading} error={list.error} onRetry={list.reload} />;
  return (
    <>
      <Text className="care__intro linli-muted">
        {acting ? `${acting.realName}的心愿，新的在前。` : '我许下的心愿，新的在前。'}
      </Text>
      {list.data.wishes.length === 0 ? (
        <View className="linli-card care__empty">
          <Text>还没有许过心愿</Text>
        </View>
      ) : (
        list.data.wishes.map((wish) => (
          <WishCard
            key={wish.wishId}
            wish={wish}
            onOpen={() => void Taro.navigateTo({ url: links.careWish(wish.communityId, wish.wishId) })}
          >
            {NEXT[wish.status] ? <Text className="care__text">{NEXT[wish.status]}</Text> : null}
          </WishCard>
        ))
      )}
      <Button
        className="care__action"
        type="primary"
        size="large"
        block
        onClick={() => void Taro.navigateTo({ url: SUB_PAGES.carePost })}
      >
        许个新心愿
      </Button>
    </>
  );
}

/** 我的心愿: mine or the acted-for elder's, each with its state and what comes next. */
export default function MyWishesPage() {
  return (
    <PageShell className="care-mine">
      <CareGate>
        {(viewer) =>
          viewer.kind === 'member' ? (
            <MyWishes viewer={viewer} />
          ) : (
            <View className="linli-card">
              <Text className="care__text">这里是居民自己的心愿。</Text>
            </View>
          )
        }
      </CareGate>
    </PageShell>
  );
}
