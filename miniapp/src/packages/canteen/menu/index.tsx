import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { MealName } from '@linli/shared/contract/canteen';
import { links } from '@linli/shared/domain/notify/links';
import { useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { CouncilGate } from '../../../components/council-gate';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import {
  useMenuDetail,
  usePlaceOrder,
  useQuote,
  type MenuDetail,
  type MenuRef,
  type OrderInput,
} from '../../../hooks/use-canteen-orders';
import { MEAL_LABELS, dayLabel, yuanText } from '../../../utils/canteen';
import { formatMoment } from '../../../utils/session-time';
import { PriceLines } from '../components/price-lines';
import { useCurrentCommunity } from '../../../hooks/use-current-community';
import '../components/canteen.css';
import { CONSENT_FOR_TAP } from '@linli/shared/contract/notify';
import { askConsent } from '../../../services/subscribe';

type Dish = MenuDetail['menu']['dishes'][number];

function Stepper({ dish, count, onChange }: { dish: Dish; count: number; onChange: (n: number) => void }) {
  const max = Math.min(dish.perPersonLimit, dish.left);
  const less = count > 0;
  const more = count < max;
  return (
    <View className="stepper">
      <View
        className={`stepper__button${less ? '' : ' stepper__button--off'}`}
        role="button"
        aria-label={`${dish.name}减一份`}
        onClick={() => less && onChange(count - 1)}
      >
        <Text>−</Text>
      </View>
      <Text className="stepper__count" aria-label={`${dish.name}份数`}>
        {count}
      </Text>
      <View
        className={`stepper__button${more ? '' : ' stepper__button--off'}`}
        role="button"
        aria-label={`${dish.name}加一份`}
        onClick={() => more && onChange(count + 1)}
      >
        <Text>+</Text>
      </View>
    </View>
  );
}

function OrderForm({ refs, actingId, actingName }: { refs: MenuRef; actingId?: string; actingName?: string }) {
  const detail = useMenuDetail(refs, actingId);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [fulfilment, setFulfilment] = useState<'pickup' | 'delivery'>('pickup');
  const lines = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([dishId, quantity]) => ({ dishId, quantity }));
  const input: OrderInput | undefined = lines.length > 0 ? { lines, fulfilment } : undefined;
  const quote = useQuote(refs, input, actingId);
  const place = usePlaceOrder(refs);

  if (!detail.data) {
    return <RequestStatus what="菜单" loading={detail.loading} error={detail.error} onRetry={detail.reload} />;
  }
  const { menu, diner } = detail.data;
  const whose = actingName ?? '您';
  const closed = Date.now() >= Date.parse(menu.cutoffAt);

  const submit = async () => {
    if (!input) return;
    // Inside the tap: WeChat shows the consent dialog only for a user gesture.
    if (!actingName) await askConsent(CONSENT_FOR_TAP.ordering);
    const order = await place.submit(input);
    if (!order) return;
    void Taro.showToast({ title: actingName ? `已为${actingName}订餐` : '订餐成功', icon: 'none', duration: 2000 });
    void Taro.redirectTo({ url: links.canteenOrder(order.communityId, order.orderId) });
  };

  return (
    <>
      <View className="linli-card">
        <Text className="canteen-sub__title">
          {dayLabel(menu.date)} {MEAL_LABELS[menu.meal]}
        </Text>
        <Text className="canteen-sub__text linli-muted">
          {menu.canteenName}（{menu.canteenPlace}）· {formatMoment(menu.cutoffAt)} 截止
        </Text>
        {diner ? (
          <Text className="canteen-sub__text" aria-label="助餐补贴">
            {diner.subsidyFen > 0
              ? `${diner.name} ${diner.age} 岁，这一餐可享助餐补贴 ${yuanText(diner.subsidyFen)}`
              : diner.subsidyUsed
                ? `${diner.name}这一餐的助餐补贴已用过（每人每餐一次）`
                : `${diner.name} ${diner.age} 岁，不在助餐补贴年龄段`}
          </Text>
        ) : null}
      </View>
      <View className="linli-card">
        <Text className="canteen-sub__title">选菜</Text>
        {menu.dishes.map((d) => (
          <View className="dish-row" key={d.dishId}>
            <View className="dish-row__info">
              <Text>{d.name}</Text>
              {d.setItems ? <Text className="linli-muted">套餐：{d.setItems.join('、')}</Text> : null}
              {d.tags.length > 0 ? <Text className="dish-row__tags">{d.tags.join(' · ')}</Text> : null}
              <Text className="linli-muted">
                {yuanText(d.priceFen)} · {d.left > 0 ? `余 ${d.left} 份` : '已售完'} · 每人限 {d.perPersonLimit} 份
              </Text>
            </View>
            <Stepper
              dish={d}
              count={counts[d.dishId] ?? 0}
              onChange={(n) => setCounts((c) => ({ ...c, [d.dishId]: n }))}
            />
          </View>
        ))}
      </View>
      <View className="linli-card">
        <Text className="canteen-sub__title">取餐方式</Text>
        <ChoiceChips
          label="取餐方式"
          choices={[
            { value: 'pickup', label: '到店取餐' },
            ...(diner?.deliveryEligible
              ? [{ value: 'delivery' as const, label: '送餐上门', note: `送餐费 ${yuanText(diner.deliveryFeeFen)}` }]
              : []),
          ]}
          value={fulfilment}
          onChange={setFulfilment}
        />
        {!diner?.deliveryEligible ? (
          <Text className="canteen-sub__text linli-muted">送餐上门仅限社区登记的高龄或行动不便老人。</Text>
        ) : null}
      </View>
      <View className="linli-card">
        <Text className="canteen-sub__title">价格</Text>
        {quote.data ? (
          <PriceLines price={quote.data.price} fulfilment={fulfilment} />
        ) : (
          <Text className="linli-muted">{input ? (quote.error ? quote.error.message : '正在计算…') : '请先选菜'}</Text>
        )}
        {closed ? <Text className="canteen-sub__text canteen-sub__note">已过订餐截止时间</Text> : null}
        <Button
          className="canteen-sub__action"
          type="primary"
          size="large"
          block
          disabled={!input || closed || !quote.data}
          loading={place.pending}
          onClick={() => void submit()}
        >
          {actingName ? `为${whose}下单` : '提交订单'}
        </Button>
      </View>
    </>
  );
}

/** 点餐: choose dishes and pickup or delivery; the server prices it, subsidy and fee included. */
export default function CanteenMenuPage() {
  const { params } = useRouter();
  const current = useCurrentCommunity().communityId;
  const refs: MenuRef = {
    communityId: params.communityId || current || '',
    canteenId: params.canteenId ?? '',
    date: params.date ?? '',
    meal: (params.meal ?? 'lunch') as MealName,
  };
  return (
    <PageShell className="canteen-sub">
      <CouncilGate>
        {(viewer) =>
          viewer.kind === 'member' ? (
            <OrderForm refs={refs} actingId={viewer.acting?.memberId} actingName={viewer.acting?.realName} />
          ) : (
            <View className="linli-card">
              <Text className="canteen-sub__text">工作人员请先选择要代订的居民（食堂管理 → 电话代订）。</Text>
            </View>
          )
        }
      </CouncilGate>
    </PageShell>
  );
}
