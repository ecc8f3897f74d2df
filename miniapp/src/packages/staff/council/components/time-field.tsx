import { Picker, Text, View } from '@tarojs/components';
import '../../../../components/date-field/index.css';

interface TimeFieldProps {
  /** HH:mm, Asia/Shanghai. */
  value: string;
  onChange: (clock: string) => void;
  label: string;
}

/** A clock picker (the phone's own wheel) that looks like DateField. */
export function TimeField({ value, onChange, label }: TimeFieldProps) {
  return (
    <Picker mode="time" value={value} onChange={(event) => onChange(String(event.detail.value))}>
      <View className="date-field" role="button" aria-label={`${label}：${value || '点击选择'}`}>
        <Text className={value ? 'date-field__value' : 'date-field__placeholder'}>{value || '点击选择'}</Text>
        <Text className="date-field__arrow" aria-hidden>
          ›
        </Text>
      </View>
    </Picker>
  );
}
