import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../../components/choice-chips';
import { FormSubmit } from '../../../../../components/form-error';
import { FormField } from '../../../../../components/form-field';
import { InputField } from '../../../../../components/input-field';
import { PageShell } from '../../../../../components/page-shell';
import { RequestStatus } from '../../../../../components/request-status';
import {
  useAppointGridWorker,
  useGridWorkers,
  useRemoveGridWorker,
  type GridWorkers,
} from '../../../../../hooks/use-grid';
import { StaffGate } from '../../../components/staff-gate';
import '../../../components/staff.css';
import '../../../../../components/grid-person/index.css';

type Worker = GridWorkers['workers'][number];

function WorkerRow({ worker, onRemove, onEdit }: { worker: Worker; onRemove: () => void; onEdit: () => void }) {
  return (
    <View className="grid__row">
      <View>
        <Text className="grid__line">
          {worker.name}（{worker.buildingName}）
        </Text>
        <Text className="grid__line linli-muted">负责：{worker.grids.map((g) => g.name).join('、')}</Text>
      </View>
      <View className="staff__buttons grid__row-actions">
        <Button className="staff__button" onClick={onEdit}>
          调整网格
        </Button>
        <Button className="staff__button" type="danger" onClick={onRemove}>
          免去
        </Button>
      </View>
    </View>
  );
}

/** Pick a verified member with WeChat by name, and the grids they will look after. */
function AppointForm({
  communityId,
  data,
  chosen,
  onChoose,
  onDone,
}: {
  communityId: string;
  data: GridWorkers;
  chosen: { memberId?: string; gridIds: string[] };
  onChoose: (next: { memberId?: string; gridIds: string[] }) => void;
  onDone: () => void;
}) {
  const [search, setSearch] = useState('');
  const [error, setError] = useState<string>();
  const appoint = useAppointGridWorker(communityId);
  const matches = data.candidates.filter((c) => search.trim() && c.name.includes(search.trim())).slice(0, 8);
  const person = data.candidates.find((c) => c.memberId === chosen.memberId);
  const toggleGrid = (gridId: string) =>
    onChoose({
      ...chosen,
      gridIds: chosen.gridIds.includes(gridId)
        ? chosen.gridIds.filter((g) => g !== gridId)
        : [...chosen.gridIds, gridId],
    });

  const submit = async () => {
    if (!chosen.memberId) return setError('请先按姓名找到并选择一位居民');
    if (chosen.gridIds.length === 0) return setError('请至少选择一个网格');
    setError(undefined);
    const saved = await appoint.submit({ memberId: chosen.memberId, gridIds: chosen.gridIds });
    if (!saved) return;
    void Taro.showToast({ title: `已任命${saved.name}`, icon: 'none', duration: 2000 });
    setSearch('');
    onDone();
  };
  return (
    <View className="linli-card">
      <Text className="staff__title">任命网格员</Text>
      <Text className="staff__text linli-muted">从已认证、用微信登录过的居民中选择。</Text>
      <InputField label="居民姓名" value={search} placeholder="输入姓名查找" onInput={setSearch} />
      {matches.length > 0 ? (
        <ChoiceChips
          label="选择居民"
          wide
          choices={matches.map((c) => ({ value: c.memberId, label: c.name, note: `${c.buildingName} ${c.unitName}` }))}
          value={chosen.memberId}
          onChange={(memberId) => onChoose({ ...chosen, memberId })}
        />
      ) : search.trim() ? (
        <Text className="staff__text linli-muted">没有找到「{search.trim()}」，请确认对方已认证并用微信登录过。</Text>
      ) : null}
      {person ? (
        <Text className="staff__text">
          已选：{person.name}（{person.buildingName} {person.unitName}）
        </Text>
      ) : null}
      <FormField label="负责的网格" hint="可选多个" error={appoint.fieldIssues('gridIds')}>
        <View className="choice-chips" role="group" aria-label="负责的网格">
          {data.grids.map((g) => {
            const on = chosen.gridIds.includes(g.gridId);
            return (
              <View
                key={g.gridId}
                className={`choice-chips__chip${on ? ' choice-chips__chip--selected' : ''}`}
                role="checkbox"
                aria-checked={on}
                aria-label={g.name}
                onClick={() => toggleGrid(g.gridId)}
              >
                <Text className="choice-chips__label">{g.name}</Text>
              </View>
            );
          })}
        </View>
      </FormField>
      <FormSubmit
        action={appoint}
        label="任命"
        own={error}
        clearOwn={() => setError(undefined)}
        className="staff__action"
        onSubmit={() => void submit()}
      />
    </View>
  );
}

function Workers({ communityId }: { communityId: string }) {
  const workers = useGridWorkers(communityId);
  const remove = useRemoveGridWorker(communityId);
  const [chosen, setChosen] = useState<{ memberId?: string; gridIds: string[] }>({ gridIds: [] });
  if (!workers.data)
    return <RequestStatus what="网格员名单" loading={workers.loading} error={workers.error} onRetry={workers.reload} />;

  const confirmRemove = async (w: Worker) => {
    const { confirm } = await Taro.showModal({
      title: '免去网格员',
      content: `免去${w.name}的网格员职务？对方需重新登录，将不再看到网格住户。`,
      confirmText: '免去',
    });
    if (!confirm) return;
    if (await remove.submit(w.userId)) {
      void Taro.showToast({ title: `已免去${w.name}`, icon: 'none', duration: 2000 });
      workers.reload();
    }
  };
  return (
    <>
      <View className="linli-card">
        <Text className="staff__title">现任网格员</Text>
        {workers.data.workers.length === 0 ? <Text className="staff__text linli-muted">还没有任命网格员。</Text> : null}
        {workers.data.workers.map((w) => (
          <WorkerRow
            key={w.userId}
            worker={w}
            onEdit={() => setChosen({ memberId: w.memberId, gridIds: w.grids.map((g) => g.gridId) })}
            onRemove={() => void confirmRemove(w)}
          />
        ))}
      </View>
      <AppointForm
        communityId={communityId}
        data={workers.data}
        chosen={chosen}
        onChoose={setChosen}
        onDone={() => {
          setChosen({ gridIds: [] });
          workers.reload();
        }}
      />
    </>
  );
}

/** 网格员: who looks after which grid; appoint, change grids, remove. */
export default function StaffGridWorkersPage() {
  return (
    <PageShell>
      <StaffGate>{(communityId) => <Workers communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
