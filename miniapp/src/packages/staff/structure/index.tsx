import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { StatusTag } from '../../../components/status-tag';
import {
  moved,
  useDeleteBuilding,
  useReorder,
  useStructure,
  useUpdateBuilding,
  useUpdateGrid,
  type Structure,
  type StructureBuilding,
  type StructureGrid,
} from '../../../hooks/use-structure';
import { StaffGate } from '../components/staff-gate';
import '../components/staff.css';
import { BuildingForm, GridForm, UnitsEditor, confirmed } from './forms';
import './index.css';

type Open = { what: 'grid' | 'building' | 'units' | 'new-building'; id: string } | undefined;

function BuildingRow({
  communityId,
  building,
  open,
  setOpen,
  reload,
  onMove,
  first,
  last,
}: {
  communityId: string;
  building: StructureBuilding;
  open: Open;
  setOpen: (open: Open) => void;
  reload: () => void;
  onMove: (step: -1 | 1) => void;
  first: boolean;
  last: boolean;
}) {
  const update = useUpdateBuilding(communityId);
  const remove = useDeleteBuilding(communityId);
  const editing = open?.id === building.id ? open.what : undefined;
  const toggle = (what: 'building' | 'units') => setOpen(editing === what ? undefined : { what, id: building.id });
  const retireOrDelete = async () => {
    const base = { buildingId: building.id, expectedVersion: building.version };
    if (building.members === 0) {
      if (!(await confirmed('删除楼栋', `${building.name}还没有居民登记，确定删除吗？`, '删除'))) return;
      if (await remove.submit(base)) reload();
      return;
    }
    const text = `${building.name}有 ${building.members} 位居民登记，不能删除。停用后保留这些居民，不再接受新的认证申请。`;
    if (!(await confirmed('停用楼栋', text, '停用'))) return;
    if (await update.submit({ ...base, retired: true })) reload();
  };
  const restore = async () => {
    if (await update.submit({ buildingId: building.id, expectedVersion: building.version, retired: false })) reload();
  };
  const activeUnits = building.units.filter((u) => !u.retired).length;
  return (
    <View className="structure__building" role="group" aria-label={building.name}>
      <View className="structure__row">
        <Text className="structure__name">{building.name}</Text>
        {building.retired ? <StatusTag tone="neutral">已停用</StatusTag> : null}
      </View>
      {/* Each fact stays whole when 大字模式 wraps the line (never 「3」 / 「个单元」). */}
      <View className="structure__facts linli-muted">
        {[
          building.address,
          `${building.households} 户`,
          `${activeUnits} 个单元`,
          building.leader ? `楼栋长 ${building.leader}` : '未设楼栋长',
          `${building.members} 位居民登记`,
        ]
          .filter(Boolean)
          .map((fact) => (
            <Text key={fact} className="structure__fact">
              {fact}
            </Text>
          ))}
      </View>
      <View className="structure__buttons">
        <Button className="structure__button" size="large" onClick={() => toggle('building')}>
          {editing === 'building' ? '收起' : '修改'}
        </Button>
        <Button className="structure__button" size="large" onClick={() => toggle('units')}>
          {editing === 'units' ? '收起' : '单元'}
        </Button>
        <Button className="structure__button" size="large" disabled={first} onClick={() => onMove(-1)}>
          上移
        </Button>
        <Button className="structure__button" size="large" disabled={last} onClick={() => onMove(1)}>
          下移
        </Button>
        {building.retired ? (
          <Button className="structure__button" size="large" onClick={() => void restore()}>
            恢复
          </Button>
        ) : (
          <Button className="structure__button" size="large" onClick={() => void retireOrDelete()}>
            {building.members === 0 ? '删除' : '停用'}
          </Button>
        )}
      </View>
      {editing === 'building' ? (
        <BuildingForm
          communityId={communityId}
          gridId={building.gridId}
          building={building}
          onDone={() => {
            setOpen(undefined);
            reload();
          }}
        />
      ) : null}
      {editing === 'units' ? <UnitsEditor communityId={communityId} building={building} onDone={reload} /> : null}
    </View>
  );
}

function GridCard({
  communityId,
  grid,
  buildings,
  open,
  setOpen,
  reload,
  onMoveGrid,
  onMoveBuildings,
  first,
  last,
}: {
  communityId: string;
  grid: StructureGrid;
  buildings: StructureBuilding[];
  open: Open;
  setOpen: (open: Open) => void;
  reload: () => void;
  onMoveGrid: (step: -1 | 1) => void;
  onMoveBuildings: (ids: string[]) => void;
  first: boolean;
  last: boolean;
}) {
  const update = useUpdateGrid(communityId);
  const editing = open?.id === grid.id ? open.what : undefined;
  const setRetired = async (retired: boolean) => {
    if (retired) {
      const text = `停用后${grid.name}的楼栋不再接受新的认证申请，已登记的居民不受影响。`;
      if (!(await confirmed('停用网格', text, '停用'))) return;
    }
    if (await update.submit({ gridId: grid.id, expectedVersion: grid.version, retired })) reload();
  };
  const ids = buildings.map((b) => b.id);
  return (
    <View className="linli-card structure__grid" role="group" aria-label={grid.name}>
      <View className="structure__row">
        <Text className="structure__title">{grid.name}</Text>
        {grid.retired ? <StatusTag tone="neutral">已停用</StatusTag> : null}
      </View>
      <Text className="structure__text linli-muted">
        {grid.leader ? `网格员 ${grid.leader}${grid.leaderPhone ? ` · ${grid.leaderPhone}` : ''}` : '未设网格员'}
      </Text>
      <View className="structure__buttons">
        <Button
          className="structure__button"
          size="large"
          onClick={() => setOpen(editing === 'grid' ? undefined : { what: 'grid', id: grid.id })}
        >
          {editing === 'grid' ? '收起' : '修改网格'}
        </Button>
        <Button className="structure__button" size="large" disabled={first} onClick={() => onMoveGrid(-1)}>
          上移
        </Button>
        <Button className="structure__button" size="large" disabled={last} onClick={() => onMoveGrid(1)}>
          下移
        </Button>
        <Button className="structure__button" size="large" onClick={() => void setRetired(!grid.retired)}>
          {grid.retired ? '恢复' : '停用'}
        </Button>
      </View>
      {editing === 'grid' ? (
        <GridForm
          communityId={communityId}
          grid={grid}
          onDone={() => {
            setOpen(undefined);
            reload();
          }}
        />
      ) : null}
      {buildings.length === 0 ? <Text className="structure__text">这个网格还没有楼栋</Text> : null}
      {buildings.map((building, i) => (
        <BuildingRow
          key={building.id}
          communityId={communityId}
          building={building}
          open={open}
          setOpen={setOpen}
          reload={reload}
          first={i === 0}
          last={i === buildings.length - 1}
          onMove={(step) => onMoveBuildings(moved(ids, i, step))}
        />
      ))}
      {grid.retired ? null : editing === 'new-building' ? (
        <BuildingForm
          communityId={communityId}
          gridId={grid.id}
          onDone={() => {
            setOpen(undefined);
            reload();
          }}
        />
      ) : (
        <Button
          className="structure__submit"
          type="primary"
          fill="outline"
          size="large"
          block
          onClick={() => setOpen({ what: 'new-building', id: grid.id })}
        >
          {`在${grid.name}添加楼栋`}
        </Button>
      )}
    </View>
  );
}

function Editor({ communityId, structure, reload }: { communityId: string; structure: Structure; reload: () => void }) {
  const [open, setOpen] = useState<Open>();
  const reorder = useReorder(communityId);
  const gridIds = structure.grids.map((g) => g.id);
  const move = async (kind: 'grids' | 'buildings', ids: string[]) => {
    if (await reorder.submit({ kind, ids })) reload();
  };
  return (
    <>
      <Text className="structure__intro linli-muted">
        {`${structure.communityName}：网格、楼栋和单元。改名后各处立即显示新名称；有居民登记的楼栋和单元只能停用，停用后不再接受新的认证申请。`}
      </Text>
      {structure.grids.map((grid, i) => (
        <GridCard
          key={grid.id}
          communityId={communityId}
          grid={grid}
          buildings={structure.buildings.filter((b) => b.gridId === grid.id)}
          open={open}
          setOpen={setOpen}
          reload={reload}
          first={i === 0}
          last={i === structure.grids.length - 1}
          onMoveGrid={(step) => void move('grids', moved(gridIds, i, step))}
          onMoveBuildings={(ids) => void move('buildings', ids)}
        />
      ))}
      <View className="linli-card">
        <Text className="structure__title">添加网格</Text>
        <GridForm communityId={communityId} onDone={reload} />
      </View>
    </>
  );
}

function StructurePage({ communityId }: { communityId: string }) {
  const structure = useStructure(communityId);
  if (!structure.data) {
    return (
      <RequestStatus what="社区结构" loading={structure.loading} error={structure.error} onRetry={structure.reload} />
    );
  }
  return <Editor communityId={communityId} structure={structure.data} reload={structure.reload} />;
}

/** 社区结构: staff keep the community's grids, buildings and units. */
export default function StaffStructurePage() {
  return (
    <PageShell className="structure">
      <StaffGate>{(communityId) => <StructurePage communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
