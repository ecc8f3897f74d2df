import { Text, View } from '@tarojs/components';
import { FormField } from '../form-field';
import { TextField } from '../text-field';
import './index.css';

/** The accessible name of a field: its visible label, then its unit (「价格（元）」). */
export function fieldName(label: string, unit?: string): string {
  return unit ? `${label}（${unit}）` : label;
}

export interface InputFieldProps {
  /** Shown above the input; the input is named by it (and the unit). */
  label: string;
  /** Shown after the input: 元, 份, 分钟, 岁, 积分… */
  unit?: string;
  hint?: string;
  /** What is wrong (the form's own check or the server's message for this field). */
  error?: string | null;
  optional?: boolean;
  value: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit';
  maxlength?: number;
}

/** A labelled input with its unit beside it and its hint or error underneath. */
export function InputField({ label, unit, hint, error, optional, ...input }: InputFieldProps) {
  return (
    <FormField label={label} hint={hint} error={error} optional={optional}>
      <View className="input-field">
        <View className="input-field__input">
          <TextField label={fieldName(label, unit)} {...input} />
        </View>
        {unit ? (
          <Text className="input-field__unit" aria-hidden>
            {unit}
          </Text>
        ) : null}
      </View>
    </FormField>
  );
}

/** "12" / "12.5" → "12.00" / "12.50"; anything else is left for the form's check to name. */
export function twoDecimals(text: string): string {
  const value = text.trim();
  return /^\d{1,4}(\.\d{0,2})?$/.test(value) ? Number(value).toFixed(2) : text;
}

/** An amount of money typed in 元 with two decimals (the form turns it into fen). */
export function MoneyField(props: Omit<InputFieldProps, 'unit' | 'type' | 'onBlur'>) {
  return (
    <InputField
      {...props}
      unit="元"
      type="digit"
      placeholder={props.placeholder ?? '0.00'}
      onBlur={() => props.onInput(twoDecimals(props.value))}
    />
  );
}
