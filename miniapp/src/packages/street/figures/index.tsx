import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { streetFiguresCsv, TOPIC_STATE_NAMES } from '@linli/shared/domain/onboarding/figures';
import { Chart, type ChartRow } from '../../../components/chart';
import { ChoiceChips } from '../../../components/choice-chips';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { useStreetFigures, type StreetFigures } from '../../../hooks/use-street-console';
import { copyCsv, saveCsv, shareCsv, type CsvFile } from '../../../services/export-file';
import { StreetGate } from '../components/street-gate';
import { MEASURES, monthLabel, shiftMonth, thisMonth, type MeasureKey } from './measures';
import '../components/street.css';

type Row = StreetFigures['communities'][number];

function CommunityFigures({ row }: { row: Row }) {
  const topics = Object.entries(row.topicsByStatus)
    .map(([state, count]) => `${TOPIC_STATE_NAMES[state] ?? state} ${count}`)
    .join('、');
  const lines: [string, string][] = [
    ['认证居民', `${row.verifiedMembers} 人`],
    ['议事会', `${row.sessionsHeld} 场 · 预约 ${row.seatsBooked} 座 · 到会 ${row.attended} 人次`],
    ['议题', topics || '本月没有变化'],
    ['议题评分', row.averageRating === undefined ? '暂无评分' : `平均 ${row.averageRating.toFixed(1)} 分（满分 5 分）`],
    ['助餐', `${row.mealsServed} 份 · 补贴 ${(row.subsidyFen / 100).toFixed(2)} 元`],
    ['志愿服务', `${(row.volunteerMinutes / 60).toFixed(1)} 小时`],
    ['积分', `发放 ${row.pointsIssued} · 兑换 ${row.pointsRedeemed}`],
  ];
  return (
    <View className="linli-card" role="group" aria-label={row.name}>
      <Text className="street__name">{row.name}</Text>
      <View className="street__figure-table">
        {lines.map(([label, value]) => (
          <View className="street__figure-row" key={label}>
            <Text className="linli-muted">{label}</Text>
            <Text>{value}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function Export({ figures }: { figures: StreetFigures }) {
  const [saved, setSaved] = useState<{ file: CsvFile; path: string }>();
  const file: CsvFile = {
    filename: `${figures.streetName}-${figures.month}-街道数据.csv`,
    csv: streetFiguresCsv(figures.month, figures.communities),
  };
  const run = async () => {
    try {
      const result = await saveCsv(file);
      if (result.kind === 'downloaded') void Taro.showToast({ title: '表格已下载', icon: 'none', duration: 2000 });
      else setSaved({ file, path: result.path });
    } catch {
      await copyCsv(file).then(
        () => Taro.showToast({ title: '数据已复制，可以粘贴到表格里', icon: 'none', duration: 2500 }),
        () => undefined,
      );
    }
  };
  return (
    <View className="linli-card">
      <Text className="street__name">导出表格</Text>
      <Text className="street__text linli-muted">本月各社区的数据（CSV），可以用 Excel 或 WPS 打开。</Text>
      <Button className="street__submit" size="large" block onClick={() => void run()}>
        导出本月数据
      </Button>
      {saved ? (
        <View className="street__buttons">
          <Button
            className="street__button"
            size="large"
            onClick={() =>
              void copyCsv(saved.file).then(
                () => Taro.showToast({ title: '已复制', icon: 'none' }),
                () => undefined,
              )
            }
          >
            复制文字
          </Button>
          <Button
            className="street__button"
            type="primary"
            size="large"
            onClick={() => void shareCsv(saved.path, saved.file.filename).catch(() => undefined)}
          >
            发送到微信聊天
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function Figures({ streetId }: { streetId: string }) {
  const [month, setMonth] = useState(thisMonth());
  const [measure, setMeasure] = useState<MeasureKey>('verifiedMembers');
  const figures = useStreetFigures(streetId, month);
  const chosen = MEASURES.find((m) => m.key === measure)!;
  const rows: ChartRow[] = (figures.data?.communities ?? []).map((c) => ({ x: c.name, y: chosen.value(c) }));
  return (
    <>
      <View className="linli-card">
        <Text className="street__name">{figures.data?.streetName ?? '街道数据'}</Text>
        <Text className="street__text linli-muted">只显示汇总数字，不含居民个人信息。</Text>
        <Text className="street__name street__month" aria-live="polite">
          {monthLabel(month)}
        </Text>
        <View className="street__buttons">
          <Button className="street__button" size="large" onClick={() => setMonth(shiftMonth(month, -1))}>
            上个月
          </Button>
          <Button
            className="street__button"
            size="large"
            disabled={month >= thisMonth()}
            onClick={() => setMonth(shiftMonth(month, 1))}
          >
            下个月
          </Button>
        </View>
      </View>
      {figures.data ? (
        <>
          <View className="linli-card">
            <Text className="street__name">各社区对比</Text>
            <ChoiceChips
              label="对比的数据"
              choices={MEASURES.map((m) => ({ value: m.key, label: m.label }))}
              value={measure}
              onChange={(key) => setMeasure(key as MeasureKey)}
            />
            <Chart kind="bar" rows={rows} unit={chosen.unit} title={`${monthLabel(month)}${chosen.label}`} />
          </View>
          {figures.data.communities.length === 0 ? (
            <View className="linli-card">
              <Text className="street__text">这个街道还没有社区。</Text>
            </View>
          ) : null}
          {figures.data.communities.map((row) => (
            <CommunityFigures key={row.communityId} row={row} />
          ))}
          <Export figures={figures.data} />
        </>
      ) : (
        <RequestStatus what="街道数据" loading={figures.loading} error={figures.error} onRetry={figures.reload} />
      )}
    </>
  );
}

/** 街道数据: each community's month in figures, a chart to compare them, and the CSV. */
export default function StreetFiguresPage() {
  const { params } = useRouter();
  return (
    <PageShell className="street">
      <StreetGate streetId={params.streetId}>
        {({ streetId }) =>
          streetId ? (
            <Figures streetId={streetId} />
          ) : (
            <View className="linli-card">
              <Text className="street__text">请先在街道工作台选择一个街道。</Text>
            </View>
          )
        }
      </StreetGate>
    </PageShell>
  );
}
