import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import './index.css';

interface FormFieldProps {
  label: string;
  /** What the field expects, shown until something is wrong. */
  hint?: string;
  /** What is wrong, shown instead of the hint. */
  error?: string | null;
  optional?: boolean;
}

/** A labelled field with its hint or its error underneath. */
export function FormField({ label, hint, error, optional, children }: PropsWithChildren<FormFieldProps>) {
  return (
    <View className={`form-field${error ? ' form-field--error' : ''}`}>
      <Text className="form-field__label">
        {label}
        {optional ? <Text className="form-field__optional">（选填）</Text> : null}
      </Text>
      {children}
      {error ? (
        <Text className="form-field__error" aria-live="assertive">
          {error}
        </Text>
      ) : hint ? (
        <Text className="form-field__hint">{hint}</Text>
      ) : null}
    </View>
  );
}
