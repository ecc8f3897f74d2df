import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { links } from '@linli/shared/domain/notify/links';
import { useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { EntryCard } from '../../../components/entry-card';
import { FormError } from '../../../components/form-error';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { SUB_PAGES } from '../../../constants';
import { useClaimWish, useWishWall, type Wish } from '../../../hooks/use-care';
import { CareGate, type CareViewer } from '../components/care-gate';
import { WishCard } from '../../../components/wish-card';
import '../components/care.css';

type Filter = 'open' | 'going' | 'fulfilled';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'open', label: '待认领' },
  { value: 'going', label: '认领中' },
  { value: 'fulfilled', label: '已圆梦' },
];
const inFilter = (wish: Wish, filter: Filter) =>
  filter === 'open'
    ? wish.status === 'open'
    : filter === 'going'
      ? wish.status === 'claimed' || wish.status === 'delivered'
      : wish.status === 'fulfilled';
const EMPTY: Record<Filter, string> = {
  open: '现在没有等待认领的心愿',
  going: '现在没有正在认领中的心愿',
  fulfilled: '最近还没有圆梦的心愿',
};

const open = (url: string) => () => void Taro.navigateTo({ url });

function Entries({ viewer }: { viewer: CareViewer }) {
  if (viewer.kind === 'staff') {
    return (
      <EntryCard
        icon="star"
        title="微心愿办理"
        description="审核、总览、共建单位与设置"
        onOpen={open(SUB_PAGES.staffCare)}
      />
    );
  }
  return (
    <>
      {viewer.kind === 'member' ? (
        <>
          <EntryCard
            icon="edit"
            title={viewer.acting ? `为${viewer.acting.realName}许个心愿` : '许个心愿'}
            description="想要的东西、需要帮忙的小事，社区审核后上墙"
            onOpen={open(SUB_PAGES.carePost)}
          />
          <EntryCard
            icon="list"
            title={viewer.acting ? `${viewer.acting.realName}的心愿` : '我的心愿'}
            description="审核和认领进度，收到后确认圆梦"
            onOpen={open(SUB_PAGES.careMine)}
          />
        </>
      ) : null}
      {viewer.kind === 'partner' || !viewer.acting ? (
        <EntryCard
          icon="gift"
          title="我认领的心愿"
          description="送达后标记已送达，也可以给回心愿墙"
          onOpen={open(SUB_PAGES.careClaims)}
        />
      ) : null}
    </>
  );
}

function Wall({ viewer }: { viewer: CareViewer }) {
  const wall = useWishWall(viewer.communityId);
  const claim = useClaimWish(viewer.communityId);
  const [filter, setFilter] = useState<Filter>('open');
  // Someone acting for an elder (代办) claims nothing in the elder's name.
  const mayClaim = viewer.kind === 'partner' || (viewer.kind === 'member' && !viewer.acting);
  const claimable = new Set(mayClaim ? (wall.data?.claimable ?? []) : []);

  const doClaim = async (wish: Wish) => {
    const { confirm } = await Taro.showModal({
      title: '认领心愿',
      content: `认领「${wish.text}」后，请按约定（${wish.handover}）帮TA圆梦。确定认领吗？`,
      confirmText: '认领',
    });
    if (!confirm) return;
    const claimed = await claim.submit(wish.wishId);
    if (!claimed) {
      wall.reload(); // someone else may have claimed it first: show the wall as it is now
      return;
    }
    void Taro.showToast({ title: '认领成功，谢谢您的爱心', icon: 'none', duration: 2000 });
    void Taro.navigateTo({ url: links.careWish(viewer.communityId, wish.wishId) });
  };

  const shown = (wall.data?.wishes ?? []).filter((w) => inFilter(w, filter));
  return (
    <>
      <Text className="care__intro linli-muted">
        {viewer.kind === 'partner'
          ? '这里是社区定向给贵单位的心愿和全社区的心愿。认领后按约定送达，再标记已送达。'
          : '邻居的小小心愿，经社区审核后上墙。标着“优先”的是独居、低保或残疾邻居的心愿。'}
      </Text>
      <Entries viewer={viewer} />
      <View className="care__filter">
        <ChoiceChips label="按状态查看" choices={FILTERS} value={filter} onChange={setFilter} />
      </View>
      {claim.error ? <FormError message={claim.error.message} onDismiss={claim.dismiss} /> : null}
      {!wall.data ? (
        <RequestStatus what="心愿墙" loading={wall.loading} error={wall.error} onRetry={wall.reload} />
      ) : shown.length === 0 ? (
        <View className="linli-card care__empty">
          <Text>{EMPTY[filter]}</Text>
        </View>
      ) : (
        shown.map((wish) => (
          <WishCard key={wish.wishId} wish={wish} onOpen={open(links.careWish(viewer.communityId, wish.wishId))}>
            {claimable.has(wish.wishId) ? (
              <Button
                className="care__action"
                type="primary"
                size="large"
                block
                loading={claim.pending}
                onClick={() => void doClaim(wish)}
              >
                认领这个心愿
              </Button>
            ) : null}
          </WishCard>
        ))
      )}
    </>
  );
}

/** 心愿墙: approved wishes of the community (「6号楼 刘**」), filtered by state, with 认领 where the server allows it. */
export default function WishWallPage() {
  return (
    <PageShell className="care-wall">
      <CareGate>{(viewer) => <Wall viewer={viewer} />}</CareGate>
    </PageShell>
  );
}
