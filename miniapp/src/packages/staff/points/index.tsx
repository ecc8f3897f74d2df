import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { Chart, type ChartRow } from '../../../components/chart';
import { EntryCard } from '../../../components/entry-card';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { DateField } from '../../../components/date-field';
import { FormField } from '../../../components/form-field';
import { InputField } from '../../../components/input-field';
import { TimeField } from '../../../components/time-field';
import { SUB_PAGES } from '../../../constants';
import {
  offerText,
  useActivities,
  useConfirmHours,
  useCreateActivity,
  useCreateMerchant,
  useMerchants,
  useUpdateAgreement,
  usePendingHours,
  usePointsReport,
  usePointsSettings,
  useUpdatePointsSettings,
  type Merchant,
  type PendingHours,
  type PointsReport,
} from '../../../hooks/use-points';
import { formatSessionTime, shanghaiDate, shanghaiToIso } from '../../../utils/session-time';
import { StaffGate } from '../components/staff-gate';
import { AgreementForm } from './agreement-form';
import '../components/staff.css';
import './points.css';

function HoursItem({ communityId, item, onDone }: { communityId: string; item: PendingHours; onDone: () => void }) {
  const confirm = useConfirmHours(communityId);
  const measured = item.signup.measuredMinutes ?? 0;
  const [minutes, setMinutes] = useState(String(measured));
  const [reason, setReason] = useState('');
  return (
    <View className="staff-points__line" aria-label={`待确认 ${item.signup.name}`}>
      <Text className="staff__title">
        {item.signup.name} · {item.activity.title}
      </Text>
      <Text className="staff__text linli-muted">
        实测 {measured} 分钟，预计 {item.signup.points ?? 0} 积分
      </Text>
      <InputField
        label="确认时长"
        unit="分钟"
        type="number"
        value={minutes}
        error={confirm.fieldIssues('minutes')}
        onInput={setMinutes}
      />
      <InputField
        label="调整原因"
        hint="时长有改动时必填"
        value={reason}
        placeholder="如：忘记签退，按实际时长"
        error={confirm.fieldIssues('reason')}
        onInput={setReason}
      />
      <Button
        className="staff__action"
        type="primary"
        size="large"
        block
        loading={confirm.pending}
        onClick={() =>
          void confirm
            .submit({
              activityId: item.activity.activityId,
              userId: item.signup.userId,
              minutes: Number(minutes),
              reason: reason.trim() || undefined,
            })
            .then((s) => s && onDone())
        }
      >
        确认时长并发放积分
      </Button>
    </View>
  );
}

function PendingHoursList({ communityId }: { communityId: string }) {
  const list = usePendingHours(communityId);
  if (!list.data)
    return <RequestStatus what="待确认时长" loading={list.loading} error={list.error} onRetry={list.reload} />;
  return (
    <View className="linli-card">
      {list.data.items.length === 0 ? <Text className="linli-muted">暂无待确认的志愿时长</Text> : null}
      {list.data.items.map((item) => (
        <HoursItem key={item.signup.signupId} communityId={communityId} item={item} onDone={list.reload} />
      ))}
    </View>
  );
}

function NewActivity({ communityId, onCreated }: { communityId: string; onCreated: () => void }) {
  const create = useCreateActivity(communityId);
  const today = shanghaiDate(new Date().toISOString());
  const [f, setF] = useState({
    title: '',
    place: '',
    date: today,
    start: '09:00',
    end: '11:00',
    slots: '10',
    rate: '20',
  });
  const set = (k: keyof typeof f) => (v: string) => setF((prev) => ({ ...prev, [k]: v }));
  return (
    <View className="linli-card">
      <Text className="staff__title">发布志愿活动</Text>
      <InputField
        label="活动名称"
        value={f.title}
        placeholder="如：敲门探访独居老人"
        error={create.fieldIssues('title')}
        onInput={set('title')}
      />
      <InputField
        label="活动地点"
        value={f.place}
        placeholder="集合地点"
        error={create.fieldIssues('place')}
        onInput={set('place')}
      />
      <FormField label="活动日期" hint="北京时间">
        <DateField
          label="活动日期"
          value={f.date}
          placeholder="选择日期"
          initial={today}
          start={today}
          end={`${Number(today.slice(0, 4)) + 1}-12-31`}
          onChange={set('date')}
        />
      </FormField>
      <TimeField label="开始时间" value={f.start} error={create.fieldIssues('startsAt')} onChange={set('start')} />
      <TimeField label="结束时间" value={f.end} error={create.fieldIssues('endsAt')} onChange={set('end')} />
      <InputField
        label="名额"
        unit="人"
        type="number"
        value={f.slots}
        error={create.fieldIssues('slots')}
        onInput={set('slots')}
      />
      <InputField
        label="每小时积分"
        unit="积分"
        type="number"
        value={f.rate}
        error={create.fieldIssues('award')}
        onInput={set('rate')}
      />
      <Button
        className="staff__action"
        type="primary"
        size="large"
        block
        loading={create.pending}
        onClick={() =>
          void create
            .submit({
              title: f.title,
              place: f.place,
              startsAt: shanghaiToIso(f.date, f.start),
              endsAt: shanghaiToIso(f.date, f.end),
              slots: Number(f.slots),
              award: { kind: 'perHour', pointsPerHour: Number(f.rate) },
            })
            .then((a) => a && onCreated())
        }
      >
        发布活动
      </Button>
    </View>
  );
}

function Activities({ communityId }: { communityId: string }) {
  const list = useActivities(communityId);
  const [adding, setAdding] = useState(false);
  return (
    <>
      {!list.data ? (
        <RequestStatus what="志愿活动" loading={list.loading} error={list.error} onRetry={list.reload} />
      ) : null}
      {list.data?.activities.map((a) => (
        <EntryCard
          key={a.activityId}
          icon="volunteer"
          title={a.title}
          description={`${formatSessionTime(a.startsAt, a.endsAt)} · 已报名 ${a.signedUp}/${a.slots}`}
          onOpen={() => void Taro.navigateTo({ url: `${SUB_PAGES.staffActivity}?activityId=${a.activityId}` })}
        />
      ))}
      {adding ? (
        <NewActivity
          communityId={communityId}
          onCreated={() => {
            setAdding(false);
            list.reload();
          }}
        />
      ) : (
        <Button className="staff-points__add" size="large" block onClick={() => setAdding(true)}>
          发布志愿活动
        </Button>
      )}
    </>
  );
}

function NewMerchant({ communityId, onCreated }: { communityId: string; onCreated: () => void }) {
  const create = useCreateMerchant(communityId);
  const [f, setF] = useState({ name: '', address: '', category: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((prev) => ({ ...prev, [k]: v }));
  return (
    <View className="linli-card">
      <Text className="staff__title">新增爱心商户</Text>
      <InputField label="商户名称" value={f.name} error={create.fieldIssues('name')} onInput={set('name')} />
      <InputField label="商户地址" value={f.address} error={create.fieldIssues('address')} onInput={set('address')} />
      <InputField
        label="商户类别"
        value={f.category}
        placeholder="如：理发"
        error={create.fieldIssues('category')}
        onInput={set('category')}
      />
      <AgreementForm
        submitLabel="保存并生成邀请码"
        pending={create.pending}
        onSubmit={(agreement) => void create.submit({ ...f, agreement }).then((m) => m && onCreated())}
      />
    </View>
  );
}

function EditAgreement({
  communityId,
  merchant,
  onSaved,
}: {
  communityId: string;
  merchant: Merchant;
  onSaved: () => void;
}) {
  const update = useUpdateAgreement(communityId, merchant.merchantId);
  return (
    <AgreementForm
      initial={merchant.agreement}
      submitLabel="保存协议"
      pending={update.pending}
      onSubmit={(agreement) => void update.submit(agreement).then((m) => m && onSaved())}
    />
  );
}

function Merchants({ communityId }: { communityId: string }) {
  const list = useMerchants(communityId);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string>();
  if (!list.data)
    return <RequestStatus what="爱心商户" loading={list.loading} error={list.error} onRetry={list.reload} />;
  return (
    <>
      <View className="linli-card">
        {list.data.merchants.map((m) => (
          <View className="staff-points__line" key={m.merchantId} aria-label={`商户 ${m.name}`}>
            <Text className="staff__title">{m.name}</Text>
            {m.agreement?.offers.map((o) => (
              <Text className="staff__text" key={o.offerId}>
                {offerText(o)}
              </Text>
            ))}
            <Text className="staff__text linli-muted">
              {m.active ? '协议有效' : '协议未生效'}
              {m.agreement?.monthlyCap ? ` · 每月上限 ${m.agreement.monthlyCap} 积分` : ''}
              {m.operatorBound ? ' · 已绑定经营者' : m.inviteCode ? ` · 邀请码 ${m.inviteCode}` : ''}
            </Text>
            {editing === m.merchantId ? (
              <EditAgreement
                communityId={communityId}
                merchant={m}
                onSaved={() => {
                  setEditing(undefined);
                  list.reload();
                }}
              />
            ) : (
              <Button size="large" onClick={() => setEditing(m.merchantId)}>
                修改兑换协议
              </Button>
            )}
          </View>
        ))}
      </View>
      {adding ? (
        <NewMerchant
          communityId={communityId}
          onCreated={() => {
            setAdding(false);
            list.reload();
          }}
        />
      ) : (
        <Button className="staff-points__add" size="large" block onClick={() => setAdding(true)}>
          新增爱心商户
        </Button>
      )}
    </>
  );
}

/**
 * Per month: points issued and redeemed. Month-end balances stay in the table below: a balance
 * is a level, and the chart's summary adds a series up, which made six month-ends read as 结余 1800.
 */
function monthRows(months: PointsReport['months']): ChartRow[] {
  return months.flatMap((m) => [
    { x: `${Number(m.month.slice(5))}月`, y: m.issued, series: '发放' },
    { x: `${Number(m.month.slice(5))}月`, y: m.redeemed, series: '兑换' },
  ]);
}

/** Points each merchant accepted over the months shown. */
function merchantRows(months: PointsReport['months']): ChartRow[] {
  const totals = new Map<string, number>();
  for (const m of months) for (const x of m.byMerchant) totals.set(x.name, (totals.get(x.name) ?? 0) + x.redeemed);
  return [...totals].map(([name, y]) => ({ x: name, y }));
}

function Figures({ communityId }: { communityId: string }) {
  const report = usePointsReport(communityId);
  if (!report.data)
    return <RequestStatus what="积分统计" loading={report.loading} error={report.error} onRetry={report.reload} />;
  return (
    <>
      <View className="linli-card staff-points__outstanding" aria-label={`当前结余 ${report.data.outstanding} 积分`}>
        <Text className="staff__text">当前结余（志愿者账户余额合计）</Text>
        <Text className="staff-points__outstanding-value">{report.data.outstanding} 积分</Text>
      </View>
      <View className="linli-card">
        <Chart kind="bar" unit="积分" title="每月发放与兑换" rows={monthRows(report.data.months)} />
      </View>
      <View className="linli-card">
        <Chart kind="bar" unit="积分" title="各商户兑换（近 6 个月）" rows={merchantRows(report.data.months)} />
      </View>
      <View className="linli-card" aria-label="每月积分">
        <View className="staff-points__table-row">
          <Text>月份</Text>
          <Text>发放</Text>
          <Text>兑换</Text>
          <Text>月末结余</Text>
        </View>
        {[...report.data.months].reverse().map((m) => (
          <View key={m.month}>
            <View className="staff-points__table-row">
              <Text>{m.month}</Text>
              <Text>{m.issued}</Text>
              <Text>{m.redeemed}</Text>
              <Text>{m.outstanding}</Text>
            </View>
            {m.byMerchant
              .filter((x) => x.redeemed !== 0)
              .map((x) => (
                <Text className="linli-muted" key={x.merchantId}>
                  {x.name}：{x.count} 笔，{x.redeemed} 积分
                </Text>
              ))}
          </View>
        ))}
      </View>
    </>
  );
}

function DeliverySetting({ communityId }: { communityId: string }) {
  const settings = usePointsSettings(communityId);
  const update = useUpdatePointsSettings(communityId);
  const [value, setValue] = useState<string>();
  const [saved, setSaved] = useState(false);
  if (!settings.data)
    return (
      <RequestStatus what="积分设置" loading={settings.loading} error={settings.error} onRetry={settings.reload} />
    );
  return (
    <View className="linli-card">
      <Text className="staff__title">助餐送餐积分</Text>
      <Text className="staff__text linli-muted">志愿者每送达一单长者餐，自动获得的积分。</Text>
      <InputField
        label="每单送餐积分"
        unit="积分"
        error={update.fieldIssues('pointsPerDelivery')}
        type="number"
        value={value ?? String(settings.data.pointsPerDelivery)}
        onInput={(v) => {
          setSaved(false);
          setValue(v);
        }}
      />
      <Button
        className="staff__action"
        size="large"
        block
        loading={update.pending}
        onClick={() =>
          void update.submit(Number(value ?? settings.data!.pointsPerDelivery)).then((r) => r && setSaved(true))
        }
      >
        保存
      </Button>
      {saved ? <Text className="staff__text">✓ 已保存</Text> : null}
    </View>
  );
}

/** 志愿服务与积分: hours to confirm, activities, merchants, the month's figures. */
export default function StaffPointsPage() {
  return (
    <PageShell className="staff-points">
      <StaffGate>
        {(communityId) => (
          <>
            <Text className="linli-section-title">待确认时长</Text>
            <PendingHoursList communityId={communityId} />
            <Text className="linli-section-title">志愿活动</Text>
            <Activities communityId={communityId} />
            <EntryCard
              icon="receipt"
              title="积分调整与审计"
              description="手工调整、冲正及审计清单"
              onOpen={() => void Taro.navigateTo({ url: SUB_PAGES.staffPointsAdjust })}
            />
            <DeliverySetting communityId={communityId} />
            <Text className="linli-section-title">爱心商户</Text>
            <Merchants communityId={communityId} />
            <Text className="linli-section-title">每月积分（发放 / 兑换 / 结余）</Text>
            <Figures communityId={communityId} />
          </>
        )}
      </StaffGate>
    </PageShell>
  );
}
