/**
 * 首页's first section: what matters to the person signed in today — their next council seat,
 * today's menu and their order, their points, unread messages, and for staff what waits for them.
 * A newcomer gets the way to become a verified resident instead.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { bookingStatusLabel } from '../../components/booking-status';
import { EntryCard } from '../../components/entry-card';
import { SUB_PAGES, TAB_PAGES } from '../../constants';
import { useActingFor } from '../../hooks/use-acting-for';
import { useTopicQueue } from '../../hooks/use-agenda';
import { useMenus } from '../../hooks/use-canteen';
import { useMyOrders } from '../../hooks/use-canteen-orders';
import { useMyBookings, type MyBookings } from '../../hooks/use-council';
import type { Me } from '../../hooks/use-me';
import { useMyPoints } from '../../hooks/use-points';
import { useApplicationQueue, useLinkQueue } from '../../hooks/use-staff';
import { gridCommunityOf, useMyGrids } from '../../hooks/use-grid';
import { useUnreadCount } from '../../hooks/use-unread-count';
import { rolesOf, staffCommunityOf } from '../../services/me';
import { MEAL_LABELS, orderStatusLabel, shanghaiToday } from '../../utils/canteen';
import { formatSessionTime } from '../../utils/session-time';

const openTab = (url: string) => () => void Taro.switchTab({ url });
const openPage = (url: string) => () => void Taro.navigateTo({ url });

/** The first seat still ahead (booked or waiting), soonest first. */
export function nextSeat(
  bookings: MyBookings['bookings'],
  now: Date = new Date(),
): MyBookings['bookings'][number] | undefined {
  return bookings
    .filter(
      (b) => (b.booking.status === 'booked' || b.booking.status === 'waitlisted') && new Date(b.session.endsAt) > now,
    )
    .sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt))[0];
}

function NextSeat({ actingId }: { actingId: string | undefined }) {
  const bookings = useMyBookings(true, actingId);
  const next = bookings.data ? nextSeat(bookings.data.bookings) : undefined;
  const description = !bookings.data
    ? bookings.error
      ? '暂时没能读取预约'
      : '正在读取…'
    : next
      ? `${next.session.title} · ${formatSessionTime(next.session.startsAt, next.session.endsAt)}${
          next.booking.status === 'waitlisted' ? ` · ${bookingStatusLabel(next.booking).label}` : ' · 已预约座位'
        }`
      : '暂无预约，去看看近期的议事会';
  return (
    <EntryCard
      icon="calendar"
      title="我的下一场议事会"
      description={description}
      onOpen={next ? openPage(SUB_PAGES.councilBookings) : openTab(TAB_PAGES.council)}
    />
  );
}

function TodayMeal({ communityId, actingId }: { communityId: string; actingId: string | undefined }) {
  const menus = useMenus(communityId);
  const orders = useMyOrders(actingId);
  const today = menus.data?.today ?? shanghaiToday();
  const todays = menus.data?.menus.filter((m) => m.date === today) ?? [];
  const mine = orders.data?.orders.filter((o) => o.date === today && o.status !== 'cancelled') ?? [];
  const menuText = !menus.data
    ? '正在读取菜单…'
    : todays.length === 0
      ? '今天没有发布菜单'
      : todays.map((m) => `${MEAL_LABELS[m.meal]}：${m.dishes.map((d) => d.name).join('、')}`).join('；');
  const orderText =
    mine.length > 0
      ? `我的订餐：${mine.map((o) => `${MEAL_LABELS[o.meal]} ${orderStatusLabel(o)}`).join('、')}`
      : '今天还没有订餐';
  return (
    <EntryCard
      icon="canteen"
      title="今天的菜单"
      description={`${menuText}。${orderText}`}
      onOpen={openTab(TAB_PAGES.canteen)}
    />
  );
}

function MyPoints({ communityId }: { communityId: string }) {
  const points = useMyPoints(communityId);
  const description = points.data
    ? `余额 ${points.data.balance} 积分`
    : points.error
      ? '暂时没能读取积分'
      : '正在读取…';
  return <EntryCard icon="gift" title="我的积分" description={description} onOpen={openTab(TAB_PAGES.points)} />;
}

function Unread() {
  const unread = useUnreadCount();
  return (
    <EntryCard
      icon="mail"
      title="消息"
      description={unread > 0 ? `${unread} 条未读消息` : '没有未读消息'}
      badge={unread > 0 ? String(unread) : undefined}
      onOpen={openPage(SUB_PAGES.messages)}
    />
  );
}

/** `3 件待处理` across the review queues, or what is known while they load. */
function StaffWaiting({ communityId }: { communityId: string }) {
  const applications = useApplicationQueue(communityId, 'pending');
  const links = useLinkQueue(communityId, 'pending');
  const topics = useTopicQueue(communityId, 'submitted');
  const counts = [
    ['认证申请', applications.data?.items.length],
    ['代办绑定', links.data?.items.length],
    ['新议题', topics.data?.rows.length],
  ] as const;
  const known = counts.every(([, n]) => n !== undefined);
  const waiting = counts.filter(([, n]) => (n ?? 0) > 0).map(([what, n]) => `${what} ${n} 件`);
  const description = !known ? '正在统计…' : waiting.length ? `等您处理：${waiting.join('、')}` : '暂无待处理事项';
  return (
    <EntryCard icon="list" title="社区工作台" description={description} onOpen={openPage(SUB_PAGES.staffWorkbench)} />
  );
}

/** A grid worker's day: how many elders wait for a visit and today's signals, across their grids. */
function GridToday({ communityId }: { communityId: string }) {
  const grids = useMyGrids(communityId);
  const all = grids.data?.grids ?? [];
  const overdue = all.reduce((n, g) => n + g.overdue, 0);
  const signals = all.reduce((n, g) => n + g.signals, 0);
  const parts = [signals ? `今日提醒 ${signals} 人` : '', overdue ? `超期未探访 ${overdue} 人` : ''].filter(Boolean);
  const description = !grids.data ? '正在统计…' : parts.length ? parts.join('，') : '网格里的老人都按时探访了';
  return (
    <EntryCard
      icon="home"
      title="我的网格"
      description={description}
      badge={signals + overdue > 0 ? String(signals + overdue) : undefined}
      onOpen={openPage(SUB_PAGES.gridHome)}
    />
  );
}

function Newcomer({ me }: { me: Me }) {
  const pending = me.latestApplication?.status === 'pending';
  return (
    <View className="linli-card home__newcomer">
      <Text className="home__newcomer-title">{pending ? '认证申请审核中' : '成为认证居民'}</Text>
      <Text className="home__newcomer-text">
        {pending
          ? '社区工作人员审核后会发消息通知您，通常 1–3 个工作日。'
          : '认证后可以预约议事会座位、提出邻里议题、在长者食堂订餐。'}
      </Text>
      {pending ? null : (
        <Button type="primary" size="large" block onClick={openPage(SUB_PAGES.apply)}>
          申请成为认证居民
        </Button>
      )}
    </View>
  );
}

/** The personal section of 首页 for a signed-in person (`me` loaded). */
export function MyDay({ me }: { me: Me }) {
  const { acting } = useActingFor();
  const roles = rolesOf(me);
  const memberCommunity = me.member?.communityId;
  const staffCommunity = staffCommunityOf(me, memberCommunity);
  const actingId = acting?.memberId;
  const isMemberSide = Boolean(memberCommunity) || Boolean(acting);
  const communityId = memberCommunity ?? staffCommunity;
  const gridCommunity = gridCommunityOf(me);
  return (
    <>
      <Text className="linli-section-title">{acting ? `为${acting.realName}办理` : '我的今天'}</Text>
      {!isMemberSide && !staffCommunity ? <Newcomer me={me} /> : null}
      {isMemberSide && communityId ? (
        <>
          <NextSeat actingId={actingId} />
          <TodayMeal communityId={communityId} actingId={actingId} />
        </>
      ) : null}
      {roles.includes('volunteer') && memberCommunity && !acting ? <MyPoints communityId={memberCommunity} /> : null}
      <Unread />
      {gridCommunity && !acting ? <GridToday communityId={gridCommunity} /> : null}
      {staffCommunity && !acting ? <StaffWaiting communityId={staffCommunity} /> : null}
    </>
  );
}
