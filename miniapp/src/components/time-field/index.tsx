import { Picker, Text, View } from '@tarojs/components';
import { FormField } from '../form-field';
import '../date-field/index.css';

interface TimePickerProps {
  /** HH:mm, Asia/Shanghai. */
  value: string;
  onChange: (clock: string) => void;
  label: string;
}

/** A clock picker (the phone's own wheel) that looks like DateField; named 「label：10:00」. */
export function TimePicker({ value, onChange, label }: TimePickerProps) {
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

/** A labelled time picker with its hint or error underneath. */
export function TimeField({
  label,
  hint,
  error,
  ...picker
}: TimePickerProps & { hint?: string; error?: string | null }) {
  return (
    <FormField label={label} hint={hint} error={error}>
      <TimePicker label={label} {...picker} />
    </FormField>
  );
}
