import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { TextField } from '../../../../components/text-field';
import {
  useCanteenSettings,
  useCanteens,
  useSaveCanteenSetup,
  type CanteenSettings,
  type Canteens,
} from '../../../../hooks/use-canteen-staff';
import { MEAL_LABELS } from '../../../../utils/canteen';
import { fenOf } from '../publish/rules';
import { StaffGate } from '../../components/staff-gate';
import '../../components/staff.css';
import '../components/canteen-staff.css';
import { bandsOf, mealsOf, yuanInput, type BandDraft, type MealDraft } from './rules';

type Canteen = Canteens['canteens'][number];

const DEFAULT_TIMES = {
  breakfast: ['07:00', '07:30', '09:00'],
  lunch: ['10:00', '11:30', '13:00'],
  dinner: ['16:00', '17:30', '19:00'],
} as const;

function SettingsForm({
  communityId,
  canteen,
  settings,
}: {
  communityId: string;
  canteen: Canteen;
  settings: CanteenSettings;
}) {
  const [name, setName] = useState(canteen.name);
  const [place, setPlace] = useState(canteen.place);
  const [meals, setMeals] = useState<MealDraft[]>(
    (['breakfast', 'lunch', 'dinner'] as const).map((meal) => {
      const found = canteen.meals.find((m) => m.meal === meal);
      const [cutoff, pickupStart, pickupEnd] = found
        ? [found.cutoff, found.pickupStart, found.pickupEnd]
        : DEFAULT_TIMES[meal];
      return { meal, served: Boolean(found), cutoff, pickupStart, pickupEnd };
    }),
  );
  const [fee, setFee] = useState(yuanInput(canteen.deliveryFee.feeFen));
  const [freeFrom, setFreeFrom] = useState(canteen.deliveryFee.freeFromAge?.toString() ?? '');
  const [bands, setBands] = useState<BandDraft[]>(
    settings.subsidyBands.map((b) => ({
      minAge: String(b.minAge),
      maxAge: b.maxAge?.toString() ?? '',
      subsidy: yuanInput(b.subsidyFen),
    })),
  );
  const [error, setError] = useState<string>();
  const save = useSaveCanteenSetup(communityId, canteen.canteenId);

  const setMeal = (i: number, patch: Partial<MealDraft>) =>
    setMeals((all) => all.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const setBand = (i: number, patch: Partial<BandDraft>) =>
    setBands((all) => all.map((b, j) => (j === i ? { ...b, ...patch } : b)));

  const submit = async () => {
    const m = mealsOf(meals);
    const b = bandsOf(bands);
    const feeFen = fenOf(fee);
    const freeFromAge = freeFrom.trim() ? Number(freeFrom.trim()) : undefined;
    const problem = !m.ok
      ? m.error
      : !b.ok
        ? b.error
        : feeFen === undefined
          ? '送餐费请填数字，如 2 或 0'
          : freeFromAge !== undefined && !Number.isInteger(freeFromAge)
            ? '免送餐费年龄请填整数'
            : undefined;
    if (problem || !m.ok || !b.ok || feeFen === undefined) {
      setError(problem);
      return;
    }
    setError(undefined);
    const saved = await save.submit({
      canteen: {
        name,
        place,
        meals: m.meals,
        deliveryFee: { feeFen, ...(freeFromAge !== undefined ? { freeFromAge } : {}) },
      },
      settings: { subsidyBands: b.bands },
    });
    if (saved) void Taro.showToast({ title: '已保存', icon: 'none', duration: 2000 });
  };

  return (
    <>
      <View className="linli-card">
        <Text className="staff__title">食堂</Text>
        <TextField label="食堂名称" value={name} onInput={setName} placeholder="食堂名称" />
        <TextField label="地点" value={place} onInput={setPlace} placeholder="地点" />
      </View>
      <View className="linli-card">
        <Text className="staff__title">餐次（截止订餐、取餐时间）</Text>
        {meals.map((m, i) => (
          <View className="canteen-staff__dish" key={m.meal} role="group" aria-label={MEAL_LABELS[m.meal]}>
            <View
              className={`choice-chips__chip${m.served ? ' choice-chips__chip--selected' : ''}`}
              role="checkbox"
              aria-checked={m.served}
              aria-label={`供应${MEAL_LABELS[m.meal]}`}
              onClick={() => setMeal(i, { served: !m.served })}
            >
              <Text className="choice-chips__label">供应{MEAL_LABELS[m.meal]}</Text>
            </View>
            {m.served ? (
              <>
                <TextField
                  label={`${MEAL_LABELS[m.meal]}截止`}
                  value={m.cutoff}
                  placeholder="截止订餐，如 10:00"
                  onInput={(v) => setMeal(i, { cutoff: v })}
                />
                <TextField
                  label={`${MEAL_LABELS[m.meal]}取餐开始`}
                  value={m.pickupStart}
                  placeholder="取餐开始"
                  onInput={(v) => setMeal(i, { pickupStart: v })}
                />
                <TextField
                  label={`${MEAL_LABELS[m.meal]}取餐结束`}
                  value={m.pickupEnd}
                  placeholder="取餐结束"
                  onInput={(v) => setMeal(i, { pickupEnd: v })}
                />
              </>
            ) : null}
          </View>
        ))}
      </View>
      <View className="linli-card">
        <Text className="staff__title">送餐费</Text>
        <TextField label="送餐费（元）" value={fee} onInput={setFee} placeholder="每单送餐费（元），可为 0" />
        <TextField
          label="免送餐费年龄"
          value={freeFrom}
          type="number"
          onInput={setFreeFrom}
          placeholder="多少岁起免送餐费（可不填）"
        />
      </View>
      <View className="linli-card">
        <Text className="staff__title">助餐补贴（每人每餐一次）</Text>
        {bands.map((b, i) => (
          <View className="canteen-staff__dish" key={i} role="group" aria-label={`第${i + 1}档补贴`}>
            <TextField
              label={`第${i + 1}档 起始年龄`}
              value={b.minAge}
              type="number"
              placeholder="起始年龄，如 60"
              onInput={(v) => setBand(i, { minAge: v })}
            />
            <TextField
              label={`第${i + 1}档 截止年龄`}
              value={b.maxAge}
              type="number"
              placeholder="截止年龄（最高一档不填）"
              onInput={(v) => setBand(i, { maxAge: v })}
            />
            <TextField
              label={`第${i + 1}档 补贴（元）`}
              value={b.subsidy}
              placeholder="每餐补贴（元）"
              onInput={(v) => setBand(i, { subsidy: v })}
            />
            <Button size="large" block onClick={() => setBands((all) => all.filter((_, j) => j !== i))}>
              删除这一档
            </Button>
          </View>
        ))}
        <Button
          className="staff__action"
          size="large"
          block
          onClick={() => setBands((all) => [...all, { minAge: '', maxAge: '', subsidy: '' }])}
        >
          再加一档
        </Button>
      </View>
      {error ? <Text className="canteen-staff__error">{error}</Text> : null}
      <Button
        className="staff__action"
        type="primary"
        size="large"
        block
        loading={save.pending}
        onClick={() => void submit()}
      >
        保存设置
      </Button>
    </>
  );
}

function Settings({ communityId }: { communityId: string }) {
  const canteens = useCanteens(communityId);
  const settings = useCanteenSettings(communityId);
  const canteen = canteens.data?.canteens[0];
  if (!canteens.data || !settings.data) {
    const failed = canteens.data ? settings : canteens;
    return <RequestStatus what="食堂设置" loading={failed.loading} error={failed.error} onRetry={failed.reload} />;
  }
  if (!canteen) return <Text className="linli-muted">社区还没有食堂。</Text>;
  return <SettingsForm communityId={communityId} canteen={canteen} settings={settings.data} />;
}

/** 食堂设置: meals with their cutoff and pickup window, the delivery fee, and subsidies by age band. */
export default function StaffCanteenSettingsPage() {
  return (
    <PageShell className="canteen-staff">
      <StaffGate>{(communityId) => <Settings communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
