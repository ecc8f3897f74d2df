import { Input } from '@tarojs/components';
import './index.css';

interface TextFieldProps {
  value: string;
  onInput: (value: string) => void;
  /** Called when the field loses focus, e.g. to tidy a price to two decimals. */
  onBlur?: () => void;
  placeholder?: string;
  /** Read out for screen readers; usually the field's label. */
  label: string;
  /** `digit` opens the keypad with a decimal point (prices). */
  type?: 'text' | 'number' | 'digit';
  maxlength?: number;
}

/** A tall text input with large text. */
export function TextField({ value, onInput, onBlur, placeholder, label, type = 'text', maxlength }: TextFieldProps) {
  return (
    <Input
      className="text-field"
      value={value}
      type={type}
      maxlength={maxlength}
      placeholder={placeholder}
      placeholderClass="text-field__placeholder"
      aria-label={label}
      // On H5 Taro draws its own element around the real <input>: the name must reach the input.
      nativeProps={{ 'aria-label': label }}
      onInput={(event) => onInput(event.detail.value)}
      onBlur={onBlur ? () => onBlur() : undefined}
    />
  );
}
