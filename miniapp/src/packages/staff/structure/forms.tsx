/** The structure editor's edit sheets: a grid, a building (with its units), and the new ones. */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { FormError, FormSubmit, problemOf } from '../../../components/form-error';
import { InputField } from '../../../components/input-field';
import {
  useAddUnit,
  useCreateBuilding,
  useCreateGrid,
  useDeleteUnit,
  useUpdateBuilding,
  useUpdateGrid,
  useUpdateUnit,
  type StructureBuilding,
  type StructureGrid,
} from '../../../hooks/use-structure';

type Failure = { error?: { message: string; details?: unknown } };

function Problem({ of, onDismiss }: { of: Failure; onDismiss: () => void }) {
  const message = problemOf(undefined, of);
  return message ? <FormError message={message} onDismiss={onDismiss} /> : null;
}

const saved = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 2000 });

export async function confirmed(title: string, content: string, confirmText: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title, content, confirmText, cancelText: '取消' });
  return confirm;
}

/** 网格: name and grid worker (网格员) with phone; new when `grid` is absent. */
export function GridForm({
  communityId,
  grid,
  onDone,
}: {
  communityId: string;
  grid?: StructureGrid;
  onDone: () => void;
}) {
  const [name, setName] = useState(grid?.name ?? '');
  const [leader, setLeader] = useState(grid?.leader ?? '');
  const [leaderPhone, setLeaderPhone] = useState(grid?.leaderPhone ?? '');
  const create = useCreateGrid(communityId);
  const update = useUpdateGrid(communityId);
  const action = grid ? update : create;
  const submit = async () => {
    const fields = { name, leader, leaderPhone };
    const done = grid
      ? await update.submit({ gridId: grid.id, expectedVersion: grid.version, ...fields })
      : await create.submit(fields);
    if (!done) return;
    saved(grid ? '网格已保存' : `已添加${done.name}`);
    if (!grid) {
      setName('');
      setLeader('');
      setLeaderPhone('');
    }
    onDone();
  };
  return (
    <View className="structure__form" role="group" aria-label={grid ? `修改${grid.name}` : '添加网格'}>
      <InputField
        label="网格名称"
        value={name}
        onInput={setName}
        placeholder="如 第三网格"
        error={action.fieldErrors.name}
      />
      <InputField label="网格员姓名" optional value={leader} onInput={setLeader} error={action.fieldErrors.leader} />
      <InputField
        label="网格员电话"
        optional
        type="number"
        maxlength={11}
        value={leaderPhone}
        onInput={setLeaderPhone}
        hint="11 位手机号，居民可拨打"
        error={action.fieldErrors.leaderPhone}
      />
      <FormSubmit action={action} label={grid ? '保存网格' : '添加网格'} onSubmit={() => void submit()} />
    </View>
  );
}

/** 楼栋: name, address, households and 楼栋长; a new one may list its units at once. */
export function BuildingForm({
  communityId,
  gridId,
  building,
  onDone,
}: {
  communityId: string;
  gridId: string;
  building?: StructureBuilding;
  onDone: () => void;
}) {
  const [name, setName] = useState(building?.name ?? '');
  const [address, setAddress] = useState(building?.address ?? '');
  const [households, setHouseholds] = useState(building ? String(building.households) : '');
  const [leader, setLeader] = useState(building?.leader ?? '');
  const [units, setUnits] = useState('1单元');
  const [own, setOwn] = useState<string>();
  const create = useCreateBuilding(communityId);
  const update = useUpdateBuilding(communityId);
  const action = building ? update : create;
  const submit = async () => {
    const count = households.trim() === '' ? 0 : Number(households);
    if (!Number.isInteger(count) || count < 0) {
      setOwn('户数请填整数，如 48');
      return;
    }
    setOwn(undefined);
    const fields = { name, address, households: count, leader };
    const done = building
      ? await update.submit({ buildingId: building.id, expectedVersion: building.version, ...fields })
      : await create.submit({
          gridId,
          ...fields,
          units: units
            .split(/[,，、\s]+/)
            .map((u) => u.trim())
            .filter(Boolean),
        });
    if (!done) return;
    saved(building ? '楼栋已保存' : `已添加${done.name}`);
    onDone();
  };
  return (
    <View className="structure__form" role="group" aria-label={building ? `修改${building.name}` : '添加楼栋'}>
      <InputField
        label="楼栋名称"
        value={name}
        onInput={setName}
        placeholder="如 9号楼"
        error={action.fieldErrors.name}
      />
      <InputField label="楼栋地址" optional value={address} onInput={setAddress} error={action.fieldErrors.address} />
      <InputField
        label="户数"
        unit="户"
        type="number"
        value={households}
        onInput={setHouseholds}
        error={own ?? action.fieldErrors.households}
      />
      <InputField label="楼栋长" optional value={leader} onInput={setLeader} error={action.fieldErrors.leader} />
      {building ? null : (
        <InputField
          label="单元"
          optional
          value={units}
          onInput={setUnits}
          hint="多个单元用逗号或空格隔开，如 1单元，2单元"
          error={action.fieldErrors.units}
        />
      )}
      <FormSubmit action={action} label={building ? '保存楼栋' : '添加楼栋'} onSubmit={() => void submit()} />
    </View>
  );
}

/** A building's units: rename, move, retire or restore, delete an empty one, add one. */
export function UnitsEditor({
  communityId,
  building,
  onDone,
}: {
  communityId: string;
  building: StructureBuilding;
  onDone: () => void;
}) {
  const [names, setNames] = useState<Record<string, string>>({});
  const [added, setAdded] = useState('');
  const add = useAddUnit(communityId);
  const update = useUpdateUnit(communityId);
  const remove = useDeleteUnit(communityId);
  const base = { buildingId: building.id, expectedVersion: building.version };
  const run = async (work: Promise<unknown>, message: string) => {
    if (await work) {
      saved(message);
      onDone();
    }
  };
  const retire = async (unit: StructureBuilding['units'][number]) => {
    if (unit.members === 0) {
      if (!(await confirmed('删除单元', `${unit.name}还没有居民登记，确定删除吗？`, '删除'))) return;
      await run(remove.submit({ ...base, unitId: unit.id }), `已删除${unit.name}`);
      return;
    }
    const text = `${unit.name}有 ${unit.members} 位居民登记，不能删除。停用后保留这些居民，不再接受新的认证申请。`;
    if (!(await confirmed('停用单元', text, '停用'))) return;
    await run(update.submit({ ...base, unitId: unit.id, retired: true }), `已停用${unit.name}`);
  };
  return (
    <View className="structure__form" role="group" aria-label={`${building.name}的单元`}>
      <Text className="structure__label">单元</Text>
      {building.units.map((unit, i) => (
        <View key={unit.id} className="structure__unit" role="group" aria-label={unit.name}>
          <InputField
            label={`${unit.name}名称`}
            value={names[unit.id] ?? unit.name}
            onInput={(value) => setNames((all) => ({ ...all, [unit.id]: value }))}
            hint={`${unit.members} 位居民登记${unit.retired ? ' · 已停用' : ''}`}
          />
          <View className="structure__buttons">
            <Button
              className="structure__button"
              size="large"
              onClick={() =>
                void run(update.submit({ ...base, unitId: unit.id, name: names[unit.id] ?? unit.name }), '单元已改名')
              }
            >
              改名
            </Button>
            <Button
              className="structure__button"
              size="large"
              disabled={i === 0}
              onClick={() => void run(update.submit({ ...base, unitId: unit.id, position: i - 1 }), '已上移')}
            >
              上移
            </Button>
            {unit.retired ? (
              <Button
                className="structure__button"
                size="large"
                onClick={() =>
                  void run(update.submit({ ...base, unitId: unit.id, retired: false }), `已恢复${unit.name}`)
                }
              >
                恢复
              </Button>
            ) : (
              <Button className="structure__button" size="large" onClick={() => void retire(unit)}>
                {unit.members === 0 ? '删除' : '停用'}
              </Button>
            )}
          </View>
        </View>
      ))}
      <Problem of={update} onDismiss={update.dismiss} />
      <Problem of={remove} onDismiss={remove.dismiss} />
      <InputField
        label="新单元名称"
        value={added}
        onInput={setAdded}
        placeholder="如 3单元"
        error={add.fieldErrors.name}
      />
      <Problem of={add} onDismiss={add.dismiss} />
      <Button
        className="structure__submit"
        type="primary"
        fill="outline"
        size="large"
        block
        loading={add.pending}
        onClick={() => void run(add.submit({ ...base, name: added }), '已添加单元').then(() => setAdded(''))}
      >
        添加单元
      </Button>
    </View>
  );
}
