import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { Chart, type ChartRow } from '../../../../components/chart';
import {
  useExportSettlement,
  useMonthlyMeals,
  useSettlement,
  type MonthlyMeals,
} from '../../../../hooks/use-canteen-staff';
import { MEAL_LABELS, dayLabel, plusDays, shanghaiToday, yuanText } from '../../../../utils/canteen';
import { copyCsv, saveCsv } from '../../../../services/export-file';
import { StaffGate } from '../../components/staff-gate';
import '../../components/staff.css';
import '../components/canteen-staff.css';

function ExportButton({ communityId, canteenId, date }: { communityId: string; canteenId: string; date: string }) {
  const exporter = useExportSettlement(communityId, canteenId, date);
  const run = async () => {
    const file = await exporter.submit();
    if (!file) return;
    try {
      const result = await saveCsv(file);
      void Taro.showToast({
        title: result.kind === 'downloaded' ? '日结表已下载' : `已保存：${file.filename}`,
        icon: 'none',
        duration: 2000,
      });
    } catch {
      // Declining the privacy guide leaves nothing copied; its own toast says why.
      await copyCsv(file).then(
        () => Taro.showToast({ title: '日结表已复制，可以粘贴到表格里', icon: 'none', duration: 2500 }),
        () => undefined,
      );
    }
  };
  return (
    <Button className="staff__action" size="large" block loading={exporter.pending} onClick={() => void run()}>
      导出日结表（CSV）
    </Button>
  );
}

function Day({ communityId, canteenId, date }: { communityId: string; canteenId: string; date: string }) {
  const settlement = useSettlement(communityId, canteenId, date);
  const s = settlement.data;
  if (!s) {
    return (
      <RequestStatus what="日结" loading={settlement.loading} error={settlement.error} onRetry={settlement.reload} />
    );
  }
  const figures: [string, string][] = [
    ['订单', `${s.orders}`],
    ['取消', `${s.cancellations}`],
    ['已供餐（份）', `${s.mealsServed}`],
  ];
  const money: [string, number][] = [
    ['菜品金额', s.itemsFen],
    ['助餐补贴', s.subsidyFen],
    ['送餐费', s.deliveryFeeFen],
    ['应收（到店付）', s.revenueFen],
  ];
  return (
    <>
      <View className="linli-card">
        <View className="canteen-staff__figures">
          {figures.map(([label, value]) => (
            <View className="canteen-staff__figure" key={label} aria-label={`${label} ${value}`}>
              <Text className="canteen-staff__figure-value">{value}</Text>
              <Text className="linli-muted">{label}</Text>
            </View>
          ))}
        </View>
        {money.map(([label, fen]) => (
          <View className="canteen-staff__table-row" key={label} aria-label={`${label} ${yuanText(fen)}`}>
            <Text>{label}</Text>
            <Text>{yuanText(fen)}</Text>
          </View>
        ))}
      </View>
      <View className="linli-card">
        <Text className="staff__title">按年龄段的助餐补贴（向政府申报）</Text>
        {s.byBand.length === 0 ? <Text className="linli-muted">这一天没有补贴</Text> : null}
        {s.byBand.map((b) => (
          <View
            className="canteen-staff__table-row"
            key={b.band}
            aria-label={`${b.band}岁 ${b.orders} 单 ${yuanText(b.subsidyFen)}`}
          >
            <Text>{b.band} 岁</Text>
            <Text>
              {b.orders} 单 · {yuanText(b.subsidyFen)}
            </Text>
          </View>
        ))}
        {s.byMeal.map((m) => (
          <View className="canteen-staff__table-row" key={m.meal}>
            <Text>{MEAL_LABELS[m.meal]}</Text>
            <Text>
              {m.orders} 单 · {yuanText(m.revenueFen)}
            </Text>
          </View>
        ))}
        <ExportButton communityId={communityId} canteenId={canteenId} date={date} />
      </View>
    </>
  );
}

/** Per day of the month: portions ordered (not cancelled) and portions served (picked up or delivered). */
export function monthRows(month: MonthlyMeals): ChartRow[] {
  return month.days.flatMap((d) => {
    const x = `${Number(d.date.slice(8, 10))}日`;
    return [
      { x, y: d.meals, series: '订餐份数' },
      { x, y: d.served, series: '已供餐' },
    ];
  });
}

function MonthChart({ communityId, canteenId, month }: { communityId: string; canteenId: string; month: string }) {
  const meals = useMonthlyMeals(communityId, canteenId, month);
  if (!meals.data) {
    return <RequestStatus what="本月供餐" loading={meals.loading} error={meals.error} onRetry={meals.reload} />;
  }
  return (
    <Chart kind="line" unit="份" title={`${Number(month.slice(5, 7))}月每天供餐份数`} rows={monthRows(meals.data)} />
  );
}

function SettlementPage({ communityId, canteenId }: { communityId: string; canteenId: string }) {
  const today = shanghaiToday();
  const [date, setDate] = useState(today);
  return (
    <>
      <ChoiceChips
        label="日期"
        wide
        choices={[-1, 0, 1].map((i) => plusDays(today, i)).map((d) => ({ value: d, label: dayLabel(d, today) }))}
        value={date}
        onChange={setDate}
      />
      <Day communityId={communityId} canteenId={canteenId} date={date} />
      <MonthChart communityId={communityId} canteenId={canteenId} month={date.slice(0, 7)} />
    </>
  );
}

/** 食堂日结: revenue, subsidies by age band, orders and cancellations of a day; CSV export; the month's meals per day. */
export default function StaffCanteenSettlementPage() {
  const { params } = useRouter();
  return (
    <PageShell className="canteen-staff">
      <StaffGate>
        {(communityId) => <SettlementPage communityId={communityId} canteenId={params.canteenId ?? 'canteen-1'} />}
      </StaffGate>
    </PageShell>
  );
}
