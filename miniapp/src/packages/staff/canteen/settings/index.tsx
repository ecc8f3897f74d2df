import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { FormSubmit } from '../../../../components/form-error';
import { InputField, MoneyField } from '../../../../components/input-field';
import { TimeField } from '../../../../components/time-field';
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
  // The server names a meal by its place among the meals served, not among all three.
  const mealIssue = (i: number, field: keyof MealDraft) => {
    const served = meals.slice(0, i).filter((m) => m.served).length;
    return save.fieldIssues(`meals.${served}.${field}`);
  };

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
          ? '送餐费请填金额，如 2.00 或 0.00'
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

  const issue = save.fieldIssues;
  return (
    <>
      <View className="linli-card">
        <Text className="staff__title">食堂</Text>
        <InputField label="食堂名称" value={name} onInput={setName} error={issue('name')} />
        <InputField label="地点" value={place} onInput={setPlace} error={issue('place')} />
      </View>
      <View className="linli-card">
        <Text className="staff__title">餐次</Text>
        <Text className="staff__text linli-muted">截止订餐后不能再点这一餐；取餐时间内到店取餐或送餐上门。</Text>
        {meals.map((m, i) => {
          const meal = MEAL_LABELS[m.meal];
          return (
            <View className="canteen-staff__dish" key={m.meal} role="group" aria-label={meal}>
              <View
                className={`choice-chips__chip${m.served ? ' choice-chips__chip--selected' : ''}`}
                role="checkbox"
                aria-checked={m.served}
                aria-label={`供应${meal}`}
                onClick={() => setMeal(i, { served: !m.served })}
              >
                <Text className="choice-chips__label">供应{meal}</Text>
              </View>
              {m.served ? (
                <>
                  <TimeField
                    label={`${meal}截止订餐`}
                    value={m.cutoff}
                    error={mealIssue(i, 'cutoff')}
                    onChange={(cutoff) => setMeal(i, { cutoff })}
                  />
                  <TimeField
                    label={`${meal}取餐开始`}
                    value={m.pickupStart}
                    error={mealIssue(i, 'pickupStart')}
                    onChange={(pickupStart) => setMeal(i, { pickupStart })}
                  />
                  <TimeField
                    label={`${meal}取餐结束`}
                    value={m.pickupEnd}
                    error={mealIssue(i, 'pickupEnd')}
                    onChange={(pickupEnd) => setMeal(i, { pickupEnd })}
                  />
                </>
              ) : null}
            </View>
          );
        })}
      </View>
      <View className="linli-card">
        <Text className="staff__title">送餐费</Text>
        <MoneyField
          label="每单送餐费"
          hint="可为 0.00"
          value={fee}
          onInput={setFee}
          error={issue('deliveryFee.feeFen')}
        />
        <InputField
          label="免送餐费年龄"
          unit="岁"
          optional
          hint="到了这个年龄起免送餐费"
          value={freeFrom}
          type="number"
          onInput={setFreeFrom}
          error={issue('deliveryFee.freeFromAge')}
        />
      </View>
      <View className="linli-card">
        <Text className="staff__title">助餐补贴（每人每餐一次）</Text>
        {bands.map((b, i) => {
          const n = `第${i + 1}档`;
          return (
            <View className="canteen-staff__dish" key={i} role="group" aria-label={`${n}补贴`}>
              <InputField
                label={`${n}起始年龄`}
                unit="岁"
                value={b.minAge}
                type="number"
                error={issue(`subsidyBands.${i}.minAge`)}
                onInput={(v) => setBand(i, { minAge: v })}
              />
              <InputField
                label={`${n}截止年龄`}
                unit="岁"
                optional
                hint="最高一档不填"
                value={b.maxAge}
                type="number"
                error={issue(`subsidyBands.${i}.maxAge`)}
                onInput={(v) => setBand(i, { maxAge: v })}
              />
              <MoneyField
                label={`${n}每餐补贴`}
                value={b.subsidy}
                error={issue(`subsidyBands.${i}.subsidyFen`)}
                onInput={(v) => setBand(i, { subsidy: v })}
              />
              <Button size="large" block onClick={() => setBands((all) => all.filter((_, j) => j !== i))}>
                删除{n}
              </Button>
            </View>
          );
        })}
        <Button
          className="staff__action"
          size="large"
          block
          onClick={() => setBands((all) => [...all, { minAge: '', maxAge: '', subsidy: '' }])}
        >
          再加一档
        </Button>
      </View>
      <FormSubmit
        action={save}
        label="保存设置"
        own={error}
        clearOwn={() => setError(undefined)}
        className="staff__action"
        onSubmit={() => void submit()}
      />
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
