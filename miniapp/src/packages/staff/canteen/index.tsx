import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { MealName } from '@linli/shared/contract/canteen';
import { EntryCard } from '../../../components/entry-card';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { SUB_PAGES } from '../../../constants';
import { useMenus, type Menus } from '../../../hooks/use-canteen';
import { useMe } from '../../../hooks/use-me';
import { staffCommunityOf } from '../../../services/me';
import { useCanteens, type Canteens } from '../../../hooks/use-canteen-staff';
import { MEAL_LABELS, dayLabel, plusDays, shanghaiToday } from '../../../utils/canteen';
import { shanghaiTime } from '@linli/shared/domain/common/shanghai-time';
import { StaffGate } from '../components/staff-gate';
import { currentCommunityOf } from '../../../services/current-community';
import '../components/staff.css';
import './components/canteen-staff.css';

type Canteen = Canteens['canteens'][number];
const open = (url: string) => () => void Taro.navigateTo({ url });

function CanteenWeek({
  communityId,
  canteen,
  menus,
}: {
  communityId: string;
  canteen: Canteen;
  menus: Menus | undefined;
}) {
  const today = shanghaiToday();
  const published = new Set(
    (menus?.menus ?? []).filter((m) => m.canteenId === canteen.canteenId).map((m) => `${m.date}#${m.meal}`),
  );
  const ref = (date: string, meal: MealName) =>
    `communityId=${communityId}&canteenId=${canteen.canteenId}&date=${date}&meal=${meal}`;
  return (
    <>
      <EntryCard
        icon="setting"
        title="食堂设置"
        description="餐次与截止时间、送餐费、按年龄段的助餐补贴"
        onOpen={open(SUB_PAGES.staffCanteenSettings)}
      />
      <EntryCard
        icon="delivery"
        title="送餐资格"
        description="登记可送餐上门的高龄、行动不便老人"
        onOpen={open(SUB_PAGES.staffCanteenDelivery)}
      />
      <EntryCard
        icon="report"
        title="日结与报表"
        description="收入、按年龄段的补贴、导出表格、每月供餐"
        onOpen={open(`${SUB_PAGES.staffCanteenSettlement}?canteenId=${canteen.canteenId}`)}
      />
      {Array.from({ length: 7 }, (_, i) => plusDays(today, i)).map((date) => (
        <View className="linli-card" key={date} role="group" aria-label={dayLabel(date, today)}>
          <Text className="staff__title">{dayLabel(date, today)}</Text>
          {canteen.meals.map((m) => {
            const isPublished = published.has(`${date}#${m.meal}`);
            // Past the cutoff the server refuses publishing and ordering: offer neither.
            const closed = Date.now() >= Date.parse(shanghaiTime(date, m.cutoff));
            const state = isPublished ? '已发布' : closed ? '未发布，已过截止时间' : '未发布';
            return (
              <View
                className="canteen-staff__meal"
                key={m.meal}
                role="group"
                aria-label={`${date} ${MEAL_LABELS[m.meal]}`}
              >
                <View>
                  <Text>{MEAL_LABELS[m.meal]}</Text>
                  <Text className="linli-muted"> · {state}</Text>
                </View>
                <View className="canteen-staff__meal-buttons">
                  {isPublished ? (
                    <>
                      {closed ? null : (
                        <Button size="large" onClick={open(`${SUB_PAGES.staffCanteenOrderFor}?${ref(date, m.meal)}`)}>
                          电话代订
                        </Button>
                      )}
                      <Button
                        type="primary"
                        size="large"
                        onClick={open(`${SUB_PAGES.staffCanteenKitchen}?${ref(date, m.meal)}`)}
                      >
                        后厨备餐
                      </Button>
                    </>
                  ) : closed ? null : (
                    <Button
                      type="primary"
                      size="large"
                      onClick={open(`${SUB_PAGES.staffCanteenPublish}?${ref(date, m.meal)}`)}
                    >
                      发布菜单
                    </Button>
                  )}
                </View>
              </View>
            );
          })}
        </View>
      ))}
    </>
  );
}

function CanteenAdmin({ communityId, menus }: { communityId: string; menus: Menus | undefined }) {
  const canteens = useCanteens(communityId);
  if (!canteens.data) {
    return <RequestStatus what="食堂" loading={canteens.loading} error={canteens.error} onRetry={canteens.reload} />;
  }
  const canteen = canteens.data.canteens[0];
  if (!canteen) {
    return (
      <View className="linli-card">
        <Text>社区还没有设置食堂。</Text>
      </View>
    );
  }
  return (
    <>
      <View className="linli-card">
        <Text className="staff__title">{canteen.name}</Text>
        <Text className="staff__text linli-muted">
          {canteen.place} · {canteen.meals.map((m) => `${MEAL_LABELS[m.meal]} ${m.cutoff} 截止`).join('，')}
        </Text>
      </View>
      <CanteenWeek communityId={communityId} canteen={canteen} menus={menus} />
    </>
  );
}

/** 食堂管理: the week's meals, each with 发布菜单 or 后厨备餐 and 电话代订; the settlement. */
export default function StaffCanteenPage() {
  const me = useMe();
  const staffCommunity = me.me ? staffCommunityOf(me.me, currentCommunityOf(me.me)) : undefined;
  // Loaded here, mounted with the page, so returning from 发布菜单 shows the new menu.
  const menus = useMenus(staffCommunity ?? undefined, '7');
  return (
    <PageShell className="canteen-staff">
      <StaffGate>{(communityId) => <CanteenAdmin communityId={communityId} menus={menus.data} />}</StaffGate>
    </PageShell>
  );
}
