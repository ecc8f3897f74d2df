import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { StatusTag } from '../../../components/status-tag';
import { useDeliveryStep, useDeliveryTasks, type DeliveryTasks } from '../../../hooks/use-canteen-orders';
import { useMe } from '../../../hooks/use-me';
import { MEAL_LABELS, dayLabel, orderStatusLabel, orderTone, plusDays, shanghaiToday } from '../../../utils/canteen';
import { useCurrentCommunity } from '../../../hooks/use-current-community';
import '../components/canteen.css';

type Task = DeliveryTasks['groups'][number]['orders'][number];

function TaskRow({
  task,
  me,
  communityId,
  onDone,
}: {
  task: Task;
  me: string;
  communityId: string;
  onDone: () => void;
}) {
  const step = useDeliveryStep(communityId);
  const run = async (which: 'claim' | 'delivered') => {
    if (await step.submit({ orderId: task.orderId, step: which })) onDone();
  };
  const mine = task.volunteer?.userId === me;
  return (
    <View className="delivery-task" role="group" aria-label={`送餐 ${task.memberName}`}>
      <View className="canteen-sub__row">
        <Text className="canteen-sub__title">
          {task.memberName} · {task.address.room}
        </Text>
        <StatusTag tone={orderTone(task.status)}>{orderStatusLabel(task)}</StatusTag>
      </View>
      <Text className="canteen-sub__text">
        {MEAL_LABELS[task.meal]} · {task.canteenName} · {task.lines.map((l) => `${l.name}×${l.quantity}`).join('、')}
      </Text>
      {task.volunteer ? <Text className="linli-muted">志愿者：{task.volunteer.name}</Text> : null}
      {task.status === 'placed' ? (
        <Button type="primary" size="large" block loading={step.pending} onClick={() => void run('claim')}>
          领取任务
        </Button>
      ) : null}
      {task.status === 'out_for_delivery' && mine ? (
        <Button type="primary" size="large" block loading={step.pending} onClick={() => void run('delivered')}>
          已送达
        </Button>
      ) : null}
    </View>
  );
}

function Tasks({ communityId, userId }: { communityId: string; userId: string }) {
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
              <TaskRow key={o.orderId} task={o} me={userId} communityId={communityId} onDone={tasks.reload} />
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
          <Tasks communityId={grant.communityId ?? current ?? ''} userId={me.me.userId} />
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
