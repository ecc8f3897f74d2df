import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CouncilGate } from '../../../components/council-gate';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { StatusTag } from '../../../components/status-tag';
import { useCancelOrder, useConfirmDelivery, useOrder, type MealOrder } from '../../../hooks/use-canteen-orders';
import { MEAL_LABELS, dayLabel, orderStatusLabel, orderTone } from '../../../utils/canteen';
import { formatMoment, shanghaiClock } from '../../../utils/session-time';
import { QrCode } from '../../../components/qr-code';
import { PriceLines, paymentLabel } from '../components/price-lines';
import { useCurrentCommunity } from '../../../hooks/use-current-community';
import '../components/canteen.css';

const VIA = { self: '本人', caregiver: '家属代订', staff: '社区代订' } as const;

function PickupTicket({ order }: { order: MealOrder }) {
  if (!order.pickupCode || !order.qrPayload) return null;
  return (
    <View className="linli-card pickup-ticket">
      <Text className="canteen-sub__text">
        {shanghaiClock(order.pickupStartsAt)}–{shanghaiClock(order.pickupEndsAt)} 到 {order.canteenName}{' '}
        取餐，出示二维码或报取餐码。
      </Text>
      <View className="pickup-ticket__qr">
        <QrCode text={order.qrPayload} label={`${order.memberName}的取餐二维码`} />
      </View>
      <Text className="linli-muted">取餐码</Text>
      <Text className="pickup-ticket__code">{order.pickupCode}</Text>
    </View>
  );
}

function OrderDetail({ communityId, orderId, actingId }: { communityId: string; orderId: string; actingId?: string }) {
  const order = useOrder(communityId, orderId, actingId);
  const cancel = useCancelOrder(communityId, orderId);
  const confirm = useConfirmDelivery(communityId, orderId);
  const o = order.data;
  if (!o) return <RequestStatus what="订单" loading={order.loading} error={order.error} onRetry={order.reload} />;
  const cancellable = o.status === 'placed' && Date.now() < Date.parse(o.cutoffAt);

  const doCancel = async () => {
    const { confirm: ok } = await Taro.showModal({
      title: '取消订单',
      content: `确定取消${dayLabel(o.date)}${MEAL_LABELS[o.meal]}的订单吗？`,
      confirmText: '确定取消',
      cancelText: '不取消',
    });
    if (ok && (await cancel.submit())) order.reload();
  };
  const doConfirm = async () => {
    if (await confirm.submit()) {
      void Taro.showToast({ title: '已确认收到', icon: 'none', duration: 2000 });
      order.reload();
    }
  };

  return (
    <>
      <View className="linli-card">
        <View className="canteen-sub__row">
          <Text className="canteen-sub__title">
            {dayLabel(o.date)} {MEAL_LABELS[o.meal]}
          </Text>
          <StatusTag tone={orderTone(o.status)}>{orderStatusLabel(o)}</StatusTag>
        </View>
        <Text className="canteen-sub__text">
          {o.fulfilment === 'delivery' ? '送餐上门' : '到店取餐'} · {paymentLabel(o.fulfilment)}
        </Text>
        <Text className="canteen-sub__text">
          {o.fulfilment === 'delivery' ? '送餐地址：' : ''}
          {o.memberName} · {o.address.buildingName}
          {o.address.unitName}
          {o.address.room}
        </Text>
        <Text className="canteen-sub__text linli-muted">
          下单：{o.placedBy.name}（{VIA[o.placedBy.via]}）· {formatMoment(o.createdAt)}
        </Text>
        {o.lines.map((l) => (
          <View className="canteen-sub__row" key={l.dishId}>
            <Text>
              {l.name} × {l.quantity}
            </Text>
          </View>
        ))}
        <PriceLines price={o.price} fulfilment={o.fulfilment} />
        {o.volunteer ? <Text className="canteen-sub__text">送餐志愿者：{o.volunteer.name}</Text> : null}
      </View>
      {o.status === 'placed' ? <PickupTicket order={o} /> : null}
      {o.status === 'delivered' ? (
        <View className="linli-card">
          <Text className="canteen-sub__text">志愿者已送达，请确认收到。</Text>
          <Button type="primary" size="large" block loading={confirm.pending} onClick={() => void doConfirm()}>
            确认收到
          </Button>
        </View>
      ) : null}
      {cancellable ? (
        <View className="linli-card">
          <Text className="canteen-sub__text linli-muted">{formatMoment(o.cutoffAt)} 前可以取消。</Text>
          <Button size="large" block loading={cancel.pending} onClick={() => void doCancel()}>
            取消订单
          </Button>
        </View>
      ) : null}
    </>
  );
}

/** 订单详情: what was ordered and its price, the pickup code and QR, cancelling, confirming a delivery. */
export default function CanteenOrderPage() {
  const { params } = useRouter();
  const current = useCurrentCommunity().communityId;
  return (
    <PageShell className="canteen-sub">
      <CouncilGate>
        {(viewer) => (
          <OrderDetail
            communityId={params.communityId || current || ''}
            orderId={params.orderId ?? ''}
            actingId={viewer.kind === 'member' ? viewer.acting?.memberId : undefined}
          />
        )}
      </CouncilGate>
    </PageShell>
  );
}
