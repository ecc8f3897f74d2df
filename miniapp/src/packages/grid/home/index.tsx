import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { SUB_PAGES } from '../../../constants';
import { useGridPeople, useMyGrids, type MyGrids } from '../../../hooks/use-grid';
import { GridGate } from '../components/grid-gate';
import { PersonRow } from '../../../components/grid-person';
import '../components/grid.css';

function Counts({ grid }: { grid: MyGrids['grids'][number] }) {
  const counts = [
    { label: '住户人数', value: grid.people, bad: false },
    { label: '超期未访', value: grid.overdue, bad: grid.overdue > 0 },
    { label: '今日提醒', value: grid.signals, bad: grid.signals > 0 },
  ];
  return (
    <View className="linli-card grid__counts">
      {counts.map((c) => (
        <View className="grid__count" key={c.label}>
          <Text className={`grid__count-value${c.bad ? ' grid__count-value--bad' : ''}`}>{c.value}</Text>
          <Text className="linli-muted">{c.label}</Text>
        </View>
      ))}
    </View>
  );
}

function People({ communityId, gridId }: { communityId: string; gridId: string }) {
  const people = useGridPeople(communityId, gridId);
  if (!people.data)
    return <RequestStatus what="住户名单" loading={people.loading} error={people.error} onRetry={people.reload} />;
  if (people.data.people.length === 0)
    return (
      <View className="linli-card">
        <Text className="grid__text linli-muted">这个网格还没有登记的住户。</Text>
      </View>
    );
  return (
    <>
      {people.data.people.map((p) => (
        <PersonRow
          key={p.memberId}
          person={p}
          onOpen={() =>
            void Taro.navigateTo({
              url: `${SUB_PAGES.gridPerson}?communityId=${encodeURIComponent(communityId)}&memberId=${encodeURIComponent(p.memberId)}`,
            })
          }
        />
      ))}
    </>
  );
}

function MyGrid({ communityId }: { communityId: string }) {
  const grids = useMyGrids(communityId);
  const [chosen, setChosen] = useState<string>();
  if (!grids.data)
    return <RequestStatus what="我的网格" loading={grids.loading} error={grids.error} onRetry={grids.reload} />;
  const list = grids.data.grids;
  if (list.length === 0)
    return (
      <View className="linli-card">
        <Text className="grid__text linli-muted">您还没有负责的网格，请联系社区工作人员。</Text>
      </View>
    );
  const grid = list.find((g) => g.gridId === chosen) ?? list[0]!;
  return (
    <>
      <Text className="grid__intro linli-muted">今天有提醒的老人排在最前，其次是超期未探访的独居、高龄老人。</Text>
      {list.length > 1 ? (
        <ChoiceChips
          label="选择网格"
          choices={list.map((g) => ({
            value: g.gridId,
            label: g.name,
            note: g.overdue ? `超期 ${g.overdue} 人` : undefined,
          }))}
          value={grid.gridId}
          onChange={setChosen}
        />
      ) : (
        <Text className="linli-section-title">{grid.name}</Text>
      )}
      <Counts grid={grid} />
      <People communityId={communityId} gridId={grid.gridId} />
    </>
  );
}

/** 我的网格: the people of my grids in visiting order, with overdue badges and today's signals on top. */
export default function GridHomePage() {
  return (
    <PageShell>
      <GridGate>{(communityId) => <MyGrid communityId={communityId} />}</GridGate>
    </PageShell>
  );
}
