import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { EntryCard } from '../../components/entry-card';
import { PageShell } from '../../components/page-shell';
import { RequestStatus } from '../../components/request-status';
import { SUB_PAGES } from '../../constants';
import { useMenus, type Menu } from '../../hooks/use-canteen';
import { useCouncilViewer } from '../../hooks/use-council';
import { useMe } from '../../hooks/use-me';
import { MEAL_LABELS, dayLabel, yuanText } from '../../utils/canteen';
import { shanghaiClock } from '../../utils/session-time';
import './index.css';

const open = (url: string) => () => void Taro.navigateTo({ url });

const menuUrl = (m: Menu) =>
  `${SUB_PAGES.canteenMenu}?communityId=${m.communityId}&canteenId=${m.canteenId}&date=${m.date}&meal=${m.meal}`;

/** One meal's menu: dishes with price, tags and what is left; 点餐 until the cutoff. */
function MenuCard({ menu, canOrder }: { menu: Menu; canOrder: boolean }) {
  const open_ = Date.now() < Date.parse(menu.cutoffAt);
  const title = `${MEAL_LABELS[menu.meal]} · ${menu.canteenName}`;
  return (
    <View
      className="linli-card canteen-menu"
      role="group"
      aria-label={`${dayLabel(menu.date)} ${MEAL_LABELS[menu.meal]}`}
    >
      <Text className="canteen-menu__title">{title}</Text>
      <Text className="canteen-menu__meta linli-muted">
        {shanghaiClock(menu.cutoffAt)} 截止订餐 · {shanghaiClock(menu.pickupStartsAt)}–
        {shanghaiClock(menu.pickupEndsAt)} 取餐
      </Text>
      {menu.dishes.map((d) => (
        <View className="canteen-menu__dish" key={d.dishId}>
          <View className="canteen-menu__dish-name">
            <Text>{d.name}</Text>
            {d.tags.length > 0 ? <Text className="canteen-menu__tags">{d.tags.join(' · ')}</Text> : null}
          </View>
          <View className="canteen-menu__dish-figures">
            <Text>{yuanText(d.priceFen)}</Text>
            <Text className={d.left > 0 ? 'linli-muted' : 'canteen-menu__sold-out'}>
              {d.left > 0 ? `余 ${d.left} 份` : '已售完'}
            </Text>
          </View>
        </View>
      ))}
      {canOrder ? (
        <Button
          className="canteen-menu__order"
          type="primary"
          size="large"
          block
          disabled={!open_}
          onClick={open(menuUrl(menu))}
        >
          {open_ ? '点餐' : '已截止'}
        </Button>
      ) : null}
    </View>
  );
}

function MenuList({ menus, canOrder }: { menus: ReturnType<typeof useMenus>; canOrder: boolean }) {
  if (!menus.data)
    return <RequestStatus what="菜单" loading={menus.loading} error={menus.error} onRetry={menus.reload} />;
  const { today } = menus.data;
  const days = [today, ...new Set(menus.data.menus.map((m) => m.date).filter((d) => d !== today))];
  return (
    <>
      {days.map((date) => {
        const list = menus.data!.menus.filter((m) => m.date === date);
        return (
          <View key={date}>
            <Text className="linli-section-title">{dayLabel(date, today)}</Text>
            {list.length === 0 ? (
              <View className="linli-card canteen__empty">
                <Text className="linli-muted">{date === today ? '今天的菜单还没有发布' : '菜单还没有发布'}</Text>
              </View>
            ) : (
              list.map((m) => <MenuCard key={`${m.canteenId}-${m.meal}`} menu={m} canOrder={canOrder} />)
            )}
          </View>
        );
      })}
    </>
  );
}

/** 食堂 tab: today's and tomorrow's menus; ordering, my orders and delivery tasks live in a subpackage. */
export default function CanteenPage() {
  const viewer = useCouncilViewer();
  const me = useMe();
  const volunteer = me.me?.grants.some((g) => g.role === 'volunteer') ?? false;
  const communityId = viewer.kind === 'member' || viewer.kind === 'staff' ? viewer.communityId : undefined;
  // Loaded here, mounted with the page, so coming back to the tab shows what changed meanwhile.
  const menus = useMenus(communityId);

  return (
    <PageShell className="canteen">
      <Text className="canteen__intro linli-muted">
        长者食堂 · 60 岁以上按年龄段享受助餐补贴，80 岁以上可申请送餐上门。
      </Text>
      {viewer.kind === 'signed-out' ? (
        <View className="linli-card">
          <Text className="canteen__title">登录后查看菜单和订餐</Text>
          <Button type="primary" size="large" block onClick={open(SUB_PAGES.login)}>
            登录
          </Button>
        </View>
      ) : viewer.kind === 'loading' ? (
        <RequestStatus
          what="我的信息"
          loading={viewer.state.loading}
          error={viewer.state.error}
          onRetry={viewer.state.reload}
        />
      ) : viewer.kind === 'not-member' ? (
        <View className="linli-card">
          <Text className="canteen__title">认证居民才能订餐</Text>
          <Text className="linli-muted">请先在「我的」申请居民认证，社区核对住址后即可订餐。</Text>
        </View>
      ) : (
        <>
          {viewer.kind === 'member' ? (
            <EntryCard
              icon="receipt"
              title={viewer.acting ? `${viewer.acting.realName}的订餐` : '我的订餐'}
              description="取餐码、送餐进度、取消订单"
              onOpen={open(SUB_PAGES.canteenOrders)}
            />
          ) : (
            <EntryCard
              icon="canteen"
              title="食堂管理"
              description="发布菜单、后厨备餐、取餐核销、日结"
              onOpen={open(SUB_PAGES.staffCanteen)}
            />
          )}
          {volunteer ? (
            <EntryCard
              icon="delivery"
              title="送餐任务"
              description="领取送餐任务，送达后标记"
              onOpen={open(SUB_PAGES.canteenDeliveries)}
            />
          ) : null}
          <MenuList menus={menus} canOrder={viewer.kind === 'member'} />
        </>
      )}
    </PageShell>
  );
}
