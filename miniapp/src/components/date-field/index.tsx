import { Picker, Text, View } from '@tarojs/components';
import { formatDate } from '../../utils/time';
import './index.css';

interface DateFieldProps {
  value: string;
  onChange: (date: string) => void;
  label: string;
  placeholder: string;
  /** Where the wheel starts when nothing is picked yet (YYYY-MM-DD). */
  initial: string;
  start: string;
  end: string;
}

/** A date picker (the phone's own wheel) that shows the chosen date as 1960年1月5日. */
export function DateField({ value, onChange, label, placeholder, initial, start, end }: DateFieldProps) {
  return (
    <Picker
      mode="date"
      value={value || initial}
      start={start}
      end={end}
      onChange={(event) => onChange(String(event.detail.value))}
    >
      <View className="date-field" role="button" aria-label={`${label}：${value ? formatDate(value) : placeholder}`}>
        <Text className={value ? 'date-field__value' : 'date-field__placeholder'}>
          {value ? formatDate(value) : placeholder}
        </Text>
        <Text className="date-field__arrow" aria-hidden>
          ›
        </Text>
      </View>
    </Picker>
  );
}
