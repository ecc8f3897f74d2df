import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { MealName } from '@linli/shared/contract/canteen';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { PageShell } from '../../../../components/page-shell';
import { FormSubmit } from '../../../../components/form-error';
import { FormField } from '../../../../components/form-field';
import { InputField, MoneyField } from '../../../../components/input-field';
import { usePublishMenu } from '../../../../hooks/use-canteen-staff';
import { MEAL_LABELS, dayLabel, plusDays, shanghaiToday } from '../../../../utils/canteen';
import { StaffGate } from '../../components/staff-gate';
import '../../components/staff.css';
import '../components/canteen-staff.css';
import { dishesOf, emptyDish, type DishDraft } from './rules';

const TAGS = ['低盐', '低糖', '软烂', '清真', '素食'] as const;

function DishFields({
  index,
  dish,
  issue,
  onChange,
  onRemove,
}: {
  index: number;
  dish: DishDraft;
  /** The server's message for a field of this dish, by its name in the API (priceFen…). */
  issue: (field: string) => string | null;
  onChange: (d: DishDraft) => void;
  onRemove?: () => void;
}) {
  const n = `第${index + 1}道`;
  const set = (field: keyof DishDraft) => (value: string) => onChange({ ...dish, [field]: value });
  return (
    <View className="canteen-staff__dish" role="group" aria-label={`${n}菜`}>
      <Text className="staff__title">{n}菜</Text>
      <InputField
        label={`${n}菜名`}
        value={dish.name}
        placeholder="如 清蒸鲈鱼、营养套餐"
        error={issue('name')}
        onInput={set('name')}
      />
      <MoneyField label={`${n}价格`} value={dish.price} error={issue('priceFen')} onInput={set('price')} />
      <InputField
        label={`${n}供应份数`}
        unit="份"
        value={dish.portions}
        type="number"
        error={issue('portions')}
        onInput={set('portions')}
      />
      <InputField
        label={`${n}每人限购`}
        unit="份"
        hint="1 到 20 份"
        value={dish.limit}
        type="number"
        error={issue('perPersonLimit')}
        onInput={set('limit')}
      />
      <Text className="form-field__label">{n}标签</Text>
      <View className="choice-chips" role="group" aria-label={`${n}标签`}>
        {TAGS.map((tag) => {
          const on = dish.tags.includes(tag);
          return (
            <View
              key={tag}
              className={`choice-chips__chip${on ? ' choice-chips__chip--selected' : ''}`}
              role="checkbox"
              aria-checked={on}
              aria-label={`${n} ${tag}`}
              onClick={() => onChange({ ...dish, tags: on ? dish.tags.filter((t) => t !== tag) : [...dish.tags, tag] })}
            >
              <Text className="choice-chips__label">{tag}</Text>
            </View>
          );
        })}
      </View>
      <InputField
        label={`${n}套餐内容`}
        optional
        value={dish.setItems}
        placeholder="如 米饭、青菜、汤"
        error={issue('setItems')}
        onInput={set('setItems')}
      />
      <InputField
        label={`${n}图片链接`}
        optional
        value={dish.photoUrl}
        error={issue('photoUrl')}
        onInput={set('photoUrl')}
      />
      {onRemove ? (
        <Button size="large" block onClick={onRemove}>
          删除{n}菜
        </Button>
      ) : null}
    </View>
  );
}

function PublishForm({
  communityId,
  canteenId,
  date,
  meal,
}: {
  communityId: string;
  canteenId: string;
  date: string;
  meal: MealName;
}) {
  const today = shanghaiToday();
  const [day, setDay] = useState(date || plusDays(today, 1));
  const [which, setWhich] = useState<MealName>(meal);
  const [dishes, setDishes] = useState<DishDraft[]>([emptyDish()]);
  const [error, setError] = useState<string>();
  const publish = usePublishMenu(communityId, canteenId);

  const submit = async () => {
    const parsed = dishesOf(dishes);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(undefined);
    const menu = await publish.submit({ date: day, meal: which, dishes: parsed.dishes });
    if (!menu) return;
    void Taro.showToast({ title: '菜单已发布', icon: 'none', duration: 2000 });
    void Taro.navigateBack();
  };

  return (
    <View className="linli-card">
      <FormField label="日期">
        <ChoiceChips
          label="日期"
          wide
          choices={Array.from({ length: 7 }, (_, i) => plusDays(today, i)).map((d) => ({
            value: d,
            label: dayLabel(d, today),
          }))}
          value={day}
          onChange={setDay}
        />
      </FormField>
      <FormField label="餐次">
        <ChoiceChips
          label="餐次"
          choices={(['breakfast', 'lunch', 'dinner'] as const).map((m) => ({ value: m, label: MEAL_LABELS[m] }))}
          value={which}
          onChange={setWhich}
        />
      </FormField>
      {dishes.map((d, i) => (
        <DishFields
          key={i}
          index={i}
          dish={d}
          issue={(field) => publish.fieldIssues(`dishes.${i}.${field}`)}
          onChange={(next) => setDishes((all) => all.map((x, j) => (j === i ? next : x)))}
          onRemove={dishes.length > 1 ? () => setDishes((all) => all.filter((_, j) => j !== i)) : undefined}
        />
      ))}
      <Button className="staff__action" size="large" block onClick={() => setDishes((all) => [...all, emptyDish()])}>
        再加一道菜
      </Button>
      <FormSubmit
        action={publish}
        label="发布菜单"
        own={error}
        clearOwn={() => setError(undefined)}
        className="staff__action"
        onSubmit={() => void submit()}
      />
    </View>
  );
}

/** 发布菜单: a day, a meal and its dishes (price, portions, per-person limit, tags, set meals). */
export default function StaffCanteenPublishPage() {
  const { params } = useRouter();
  return (
    <PageShell className="canteen-staff">
      <StaffGate>
        {(communityId) => (
          <PublishForm
            communityId={communityId}
            canteenId={params.canteenId ?? 'canteen-1'}
            date={params.date ?? ''}
            meal={(params.meal as MealName | undefined) ?? 'lunch'}
          />
        )}
      </StaffGate>
    </PageShell>
  );
}
