import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Chart, type ChartRow } from '../../../components/chart';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { useNotificationStats, type NotificationDay } from '../../../hooks/use-notification-stats';
import { todayInShanghai } from '../../../services/form-rules';
import { formatMonthDay } from '../../../utils/time';
import { StaffGate } from '../components/staff-gate';
import '../components/staff.css';
import './index.css';

type Counts = Omit<NotificationDay, 'date'>;

/** Each count with its header, split where it may break on a narrow phone, and what it means. */
const COLUMNS: { key: keyof Counts; label: string; lines: string[]; meaning: string }[] = [
  { key: 'inApp', label: '站内消息', lines: ['站内', '消息'], meaning: '送进居民「消息」里的条数，每位居民都能收到' },
  { key: 'wechatSent', label: '微信已发送', lines: ['微信', '已发送'], meaning: '居民同意接收后，微信通知已发出' },
  {
    key: 'wechatFailed',
    label: '失败',
    lines: ['失败'],
    meaning: '微信通知没有发出：微信出错，或这类通知尚未在微信后台配置。居民仍可在「消息」里看到',
  },
  {
    key: 'wechatRefused',
    label: '拒收',
    lines: ['拒收'],
    meaning: '居民没有同意接收或已拒收这类微信通知，只收到站内消息',
  },
];

/** 微信已发送 gets the room its three-character line needs in 大字模式; 失败 and 拒收 need the least. */
const columnClass = (key: keyof Counts) =>
  `notify-stats__cell notify-stats__cell--${key === 'wechatSent' ? 'wide' : key === 'inApp' ? 'normal' : 'narrow'}`;

function Row({ label, counts, className }: { label: string; counts: Counts; className?: string }) {
  return (
    <View className={`notify-stats__row ${className ?? ''}`} role="row">
      <View className="notify-stats__date" role="rowheader">
        {label}
      </View>
      {COLUMNS.map((column) => (
        <View
          key={column.key}
          role="cell"
          aria-label={`${label} ${column.label} ${counts[column.key]}`}
          className={`${columnClass(column.key)}${column.key === 'wechatFailed' && counts.wechatFailed > 0 ? ' notify-stats__cell--bad' : ''}`}
        >
          {counts[column.key]}
        </View>
      ))}
    </View>
  );
}

function StatsTable({ days }: { days: NotificationDay[] }) {
  const today = todayInShanghai();
  const total: Counts = { inApp: 0, wechatSent: 0, wechatFailed: 0, wechatRefused: 0 };
  for (const day of days) for (const column of COLUMNS) total[column.key] += day[column.key];
  // The newest day on top: staff look at today first.
  const newestFirst = [...days].reverse();
  return (
    <View className="linli-card notify-stats__table" role="table" aria-label="近 7 天消息发送情况">
      <View className="notify-stats__row notify-stats__row--head" role="row">
        <View className="notify-stats__date" role="columnheader">
          日期
        </View>
        {COLUMNS.map((column) => (
          <View key={column.key} className={columnClass(column.key)} role="columnheader" aria-label={column.label}>
            {column.lines.map((line) => (
              <Text key={line} className="notify-stats__head-line">
                {line}
              </Text>
            ))}
          </View>
        ))}
      </View>
      {newestFirst.map((day) => (
        <Row key={day.date} label={day.date === today ? '今天' : formatMonthDay(day.date)} counts={day} />
      ))}
      <Row label="合计" counts={total} className="notify-stats__row--total" />
    </View>
  );
}

/** "16日": the month is clear from the table below, and seven labels must fit a phone. */
const dayLabel = (date: string) => `${Number(date.slice(8, 10))}日`;

/** Two lines over the week: messages into the app and WeChat notifications sent. */
function chartRows(days: NotificationDay[]): ChartRow[] {
  return days.flatMap((day) => [
    { x: dayLabel(day.date), y: day.inApp, series: '站内消息' },
    { x: dayLabel(day.date), y: day.wechatSent, series: '微信已发送' },
  ]);
}

function NotifyStats({ communityId }: { communityId: string }) {
  const stats = useNotificationStats(communityId);
  return (
    <>
      <View className="notify-stats__bar">
        <Text className="notify-stats__intro linli-muted">近 7 天社区发给居民的消息（按北京时间统计）</Text>
        <Button className="notify-stats__refresh" fill="outline" loading={stats.loading} onClick={stats.reload}>
          刷新
        </Button>
      </View>
      {stats.data ? (
        <>
          <Chart kind="line" unit="条" title="每天发出的消息" rows={chartRows(stats.data.days)} />
          <StatsTable days={stats.data.days} />
        </>
      ) : (
        <RequestStatus what="发送情况" loading={stats.loading} error={stats.error} onRetry={stats.reload} />
      )}
      <Text className="linli-section-title">各列的意思</Text>
      <View className="linli-card">
        {COLUMNS.map((column) => (
          <View key={column.key} className="notify-stats__meaning">
            <Text className="notify-stats__meaning-label">{column.label}</Text>
            <Text className="linli-muted">{column.meaning}</Text>
          </View>
        ))}
      </View>
    </>
  );
}

/** 消息发送情况: how many messages went out in the last 7 days, in the app and by WeChat. */
export default function StaffNotifyStatsPage() {
  return (
    <PageShell className="notify-stats">
      <StaffGate>{(communityId) => <NotifyStats communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
