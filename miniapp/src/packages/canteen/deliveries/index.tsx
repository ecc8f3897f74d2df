import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { StatusTag } from '../../../components/status-tag';
import { TextField } from '../../../components/text-field';
import {
  deliveryContact,
  useDeliveryStep,
  useDeliveryTasks,
  type DeliveryTasks,
} from '../../../hooks/use-canteen-orders';
import { useMe } from '../../../hooks/use-me';
import {
  MEAL_LABELS,
  dayLabel,
  orderStatusLabel,
  orderTone,
  plusDays,
  serviceState,
  shanghaiToday,
  yuanText,
} from '../../../utils/canteen';
import { shanghaiClock } from '../../../utils/session-time';
import { useCurrentCommunity } from '../../../hooks/use-current-community';
import '../components/canteen.css';

type Task = DeliveryTasks['groups'][number]['orders'][number];

/** Rings the household: the number is fetched on tap (it stays masked everywhere else). */
async function callHousehold(communityId: string, orderId: string) {
  try {
    const contact = await deliveryContact(communityId, orderId);
    await Taro.makePhoneCall({ phoneNumber: contact.phone });
  } catch {
    // The client has shown why (no phone on file, not your task); a cancelled call needs nothing.
  }
}

/** 已送达 while the meal is served; outside it, when it opens, or (staff) with a reason. */
function DeliveredStep({
  task,
  staff,
  pending,
  onDelivered,
}: {
  task: Task;
  staff: boolean;
  pending: boolean;
  onDelivered: (overrideReason?: string) => void;
}) {
  const [reason, setReason] = useState('');
  const state = serviceState(task);
  if (state.open)
    return (
      <Button type="primary" size="large" block loading={pending} onClick={() => onDelivered()}>
        已送达
      </Button>
    );
  return (
    <>
      <Text className="canteen-sub__text linli-muted">
        {state.early
          ? `${shanghaiClock(state.opensAt)} 起可标记送达`
          : `送餐时间已过（${shanghaiClock(state.closesAt)} 止），如已送到请联系社区工作人员登记`}
      </Text>
      {staff ? (
        <>
          <Text className="canteen-sub__text">时间外登记送达，请写明原因：</Text>
          <TextField
            label="时间外送达原因"
            value={reason}
            maxlength={100}
            placeholder="如：老人外出，提前送到"
            onInput={setReason}
          />
          <Button
            size="large"
            block
            loading={pending}
            disabled={reason.trim().length < 2}
            onClick={() => onDelivered(reason.trim())}
          >
            登记已送达
          </Button>
        </>
      ) : null}
    </>
  );
}

function TaskRow({
  task,
  me,
  staff,
  communityId,
  onDone,
}: {
  task: Task;
  me: string;
  staff: boolean;
  communityId: string;
  onDone: () => void;
}) {
  const step = useDeliveryStep(communityId);
  const run = async (which: 'claim' | 'delivered', overrideReason?: string) => {
    if (await step.submit({ orderId: task.orderId, step: which, overrideReason })) onDone();
  };
  const mine = task.volunteer?.userId === me;
  const carrying = task.status === 'out_for_delivery' && (mine || staff);
  return (
    <View className="delivery-task" role="group" aria-label={`送餐 ${task.memberName}`}>
      <View className="canteen-sub__row">
        <Text className="canteen-sub__title">
          {task.memberName} · {task.address.room}
        </Text>
        <StatusTag tone={orderTone(task.status)}>{orderStatusLabel(task)}</StatusTag>
      </View>
      <Text className="canteen-sub__text">
        送餐地址：{task.address.buildingName}
        {task.address.unitName}
        {task.address.room}
      </Text>
      <Text className="canteen-sub__text">
        {MEAL_LABELS[task.meal]} {shanghaiClock(task.pickupStartsAt)}–{shanghaiClock(task.pickupEndsAt)} ·{' '}
        {task.lines.map((l) => `${l.name}×${l.quantity}`).join('、')}
      </Text>
      <Text className="canteen-sub__text delivery-task__pay">
        送餐上门 · 货到付款 {yuanText(task.price.amountDueFen)}
      </Text>
      {task.volunteer ? <Text className="linli-muted">志愿者：{task.volunteer.name}</Text> : null}
      {task.status === 'placed' ? (
        <Button type="primary" size="large" block loading={step.pending} onClick={() => void run('claim')}>
          领取任务
        </Button>
      ) : null}
      {carrying ? (
        <View className="delivery-task__actions">
          <Button size="large" block onClick={() => void callHousehold(communityId, task.orderId)}>
            打电话给这户
          </Button>
          <DeliveredStep
            task={task}
            staff={staff}
            pending={step.pending}
            onDelivered={(reason) => void run('delivered', reason)}
          />
        </View>
      ) : null}
    </View>
  );
}

function Tasks({ communityId, userId, staff }: { communityId: string; userId: string; staff: boolean }) {
  const today = shanghaiToday();
  const [date, setDate] = useState(today);
  const tasks = useDeliveryTasks(communityId, date);
  return (
    <>
      <ChoiceChips
        label="日期"
        choices={[today, plusDays(today, 1)].map((d) => ({ value: d, label: dayLabel(d, today) }))}
        value={date}
        onChange={setDate}
        wide
      />
      {!tasks.data ? (
        <RequestStatus what="送餐任务" loading={tasks.loading} error={tasks.error} onRetry={tasks.reload} />
      ) : tasks.data.groups.length === 0 ? (
        <View className="linli-card">
          <Text className="linli-muted">这一天没有送餐任务</Text>
        </View>
      ) : (
        tasks.data.groups.map((g) => (
          <View className="linli-card" key={`${g.buildingName}${g.unitName}`}>
            <Text className="canteen-sub__title">
              {g.buildingName} {g.unitName}
            </Text>
            {g.orders.map((o) => (
              <TaskRow
                key={o.orderId}
                task={o}
                me={userId}
                staff={staff}
                communityId={communityId}
                onDone={tasks.reload}
              />
            ))}
          </View>
        ))
      )}
    </>
  );
}

/** 送餐任务 for volunteers: by building and unit; claim one, then mark it delivered. */
export default function CanteenDeliveriesPage() {
  const me = useMe();
  const current = useCurrentCommunity().communityId;
  const grant = me.me?.grants.find((g) => g.role === 'volunteer' || g.role === 'staff');
  return (
    <PageShell className="canteen-sub">
      {me.me ? (
        grant ? (
          <Tasks
            communityId={grant.communityId ?? current ?? ''}
            userId={me.me.userId}
            staff={me.me.grants.some((g) => g.role === 'staff' && g.communityId === grant.communityId)}
          />
        ) : (
          <View className="linli-card">
            <Text>送餐任务仅供社区志愿者使用。</Text>
          </View>
        )
      ) : (
        <RequestStatus what="我的信息" loading={me.loading} error={me.error} onRetry={me.reload} />
      )}
    </PageShell>
  );
}
