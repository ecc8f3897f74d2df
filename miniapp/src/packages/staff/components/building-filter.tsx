import { View } from '@tarojs/components';
import { ChoiceChips } from '../../../components/choice-chips';

/** The value of the 全部 chip, on pages that can list every building's members at once. */
export const ALL_BUILDINGS = 'all';

interface BuildingFilterProps {
  buildings: readonly { id: string; name: string }[];
  value: string | undefined;
  onChange: (buildingId: string) => void;
  /** Offer 全部 (ALL_BUILDINGS) before the buildings. */
  withAll?: boolean;
}

/**
 * 按楼栋查看 on the staff pages that list residents: one chip per building, and 全部 where the
 * page offers it. Nothing at all when there is no building to choose between.
 */
export function BuildingFilter({ buildings, value, onChange, withAll = false }: BuildingFilterProps) {
  if (!withAll && buildings.length === 0) return null;
  const choices = [
    ...(withAll ? [{ value: ALL_BUILDINGS, label: '全部' }] : []),
    ...buildings.map((b) => ({ value: b.id, label: b.name })),
  ];
  return (
    <View className="staff__filter">
      <ChoiceChips label="按楼栋查看" choices={choices} value={value} onChange={onChange} />
    </View>
  );
}
