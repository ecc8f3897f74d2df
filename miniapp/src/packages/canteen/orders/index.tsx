import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { links } from '@linli/shared/domain/notify/links';
import { CouncilGate } from '../../../components/council-gate';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { StatusTag } from '../../../components/status-tag';
import { useMyOrders } from '../../../hooks/use-canteen-orders';
import { MEAL_LABELS, dayLabel, orderStatusLabel, orderTone, yuanText } from '../../../utils/canteen';
import '../components/canteen.css';

function Orders({ actingId }: { actingId?: string }) {
  const orders = useMyOrders(actingId);
  if (!orders.data)
    return <RequestStatus what="订单" loading={orders.loading} error={orders.error} onRetry={orders.reload} />;
  if (orders.data.orders.length === 0) {
    return (
      <View className="linli-card">
        <Text className="linli-muted">还没有订餐。在「食堂」里选一餐点餐吧。</Text>
      </View>
    );
  }
  return (
    <>
      {orders.data.orders.map((o) => {
        const title = `${dayLabel(o.date)} ${MEAL_LABELS[o.meal]}`;
        return (
          <View
            className="linli-card"
            key={o.orderId}
            role="link"
            onClick={() => void Taro.navigateTo({ url: links.canteenOrder(o.communityId, o.orderId) })}
          >
            <View className="canteen-sub__row">
              <Text className="canteen-sub__title">{title}</Text>
              <StatusTag tone={orderTone(o.status)}>{orderStatusLabel(o)}</StatusTag>
            </View>
            <Text className="canteen-sub__text">{o.lines.map((l) => `${l.name}×${l.quantity}`).join('、')}</Text>
            <Text className="linli-muted">
              {o.fulfilment === 'delivery' ? '送餐上门' : '到店取餐'} · 应付 {yuanText(o.price.amountDueFen)}
              {o.price.subsidyFen > 0 ? `（已减补贴 ${yuanText(o.price.subsidyFen)}）` : ''}
            </Text>
          </View>
        );
      })}
    </>
  );
}

/** 我的订餐: my orders (or those of whom I act for), newest meal first. */
export default function CanteenOrdersPage() {
  return (
    <PageShell className="canteen-sub">
      <CouncilGate>
        {(viewer) => <Orders actingId={viewer.kind === 'member' ? viewer.acting?.memberId : undefined} />}
      </CouncilGate>
    </PageShell>
  );
}
