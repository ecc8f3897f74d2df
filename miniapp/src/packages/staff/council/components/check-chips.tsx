import { Text, View } from '@tarojs/components';
import '../../../../components/choice-chips/index.css';

interface CheckChipsProps {
  label: string;
  choices: readonly { value: string; label: string }[];
  values: readonly string[];
  onChange: (values: string[]) => void;
}

/** Large tappable choices, several selectable (楼栋 of a session's audience). */
export function CheckChips({ label, choices, values, onChange }: CheckChipsProps) {
  const toggle = (value: string) =>
    onChange(values.includes(value) ? values.filter((v) => v !== value) : [...values, value]);
  return (
    <View className="choice-chips" role="group" aria-label={label}>
      {choices.map((choice) => {
        const checked = values.includes(choice.value);
        return (
          <View
            key={choice.value}
            className={`choice-chips__chip${checked ? ' choice-chips__chip--selected' : ''}`}
            role="checkbox"
            aria-checked={checked}
            aria-label={choice.label}
            onClick={() => toggle(choice.value)}
          >
            <Text className="choice-chips__label">
              {checked ? '✓ ' : ''}
              {choice.label}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
