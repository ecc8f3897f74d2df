import { act } from '@testing-library/react';

/** Types into the Taro input named `name`: Taro's H5 inputs report typing as a custom event with `detail.value`. */
export function typeInto(name: string, value: string): void {
  const input = document.querySelector(`taro-input-core[aria-label="${name}"]`);
  if (!input) throw new Error(`no input named 「${name}」`);
  act(() => {
    input.dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });
}
