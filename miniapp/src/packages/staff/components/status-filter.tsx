import { View } from '@tarojs/components';
import { ChoiceChips } from '../../../components/choice-chips';
import type { ReviewStatus } from '../../../hooks/use-staff';

interface StatusFilterProps<S extends ReviewStatus> {
  choices: readonly { value: S; label: string }[];
  value: S;
  onChange: (status: S) => void;
}

/** 待审核 / 已通过 / 已驳回 above a queue. */
export function StatusFilter<S extends ReviewStatus>({ choices, value, onChange }: StatusFilterProps<S>) {
  return (
    <View className="staff__filter">
      <ChoiceChips label="按状态查看" choices={choices} value={value} onChange={onChange} />
    </View>
  );
}
