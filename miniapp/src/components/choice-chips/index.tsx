import { Text, View } from '@tarojs/components';
import './index.css';

export interface Choice<V extends string> {
  value: V;
  label: string;
  /** A second, smaller line, e.g. 86岁. */
  note?: string;
}

interface ChoiceChipsProps<V extends string> {
  /** Names the group for screen readers, e.g. 楼栋. */
  label: string;
  choices: readonly Choice<V>[];
  value: V | undefined;
  onChange: (value: V) => void;
  /** Wide chips, one or two per row, for longer labels. */
  wide?: boolean;
}

/** Large tappable choices, one selectable: easier for older hands than a scrolling picker. */
export function ChoiceChips<V extends string>({ label, choices, value, onChange, wide }: ChoiceChipsProps<V>) {
  return (
    <View className={`choice-chips${wide ? ' choice-chips--wide' : ''}`} role="radiogroup" aria-label={label}>
      {choices.map((choice) => {
        const selected = choice.value === value;
        return (
          <View
            key={choice.value}
            className={`choice-chips__chip${selected ? ' choice-chips__chip--selected' : ''}`}
            role="radio"
            aria-checked={selected}
            aria-label={choice.note ? `${choice.label} ${choice.note}` : choice.label}
            onClick={() => onChange(choice.value)}
          >
            <Text className="choice-chips__label">{choice.label}</Text>
            {choice.note ? <Text className="choice-chips__note">{choice.note}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
