/**
 * The check every staff form's component test runs: each input, text area and picker sits in a
 * field with a visible label, and its accessible name is that label (and the unit shown beside
 * it), so what a screen reader says is what the eye reads (WCAG 2.5.3 label in name).
 */
import { fieldName } from '../../miniapp/src/components/input-field';

/** The visible label of a field, without the 「（选填）」 note. */
function visibleLabel(field: Element): string {
  const label = field.querySelector('.form-field__label');
  return (label?.textContent ?? '').replace('（选填）', '').trim();
}

export interface NamedField {
  label: string;
  unit?: string;
  name: string;
}

/**
 * Fails unless every field in `root` is labelled and named by its label; returns what it found
 * (label, unit, accessible name) so a test can also say which fields a form must have.
 */
export function expectEveryFieldNamedByItsLabel(root: ParentNode): NamedField[] {
  const controls = Array.from(root.querySelectorAll('taro-input-core, taro-textarea-core, .date-field[role="button"]'));
  expect(controls.length).toBeGreaterThan(0);
  return controls.map((control) => {
    const name = control.getAttribute('aria-label') ?? '';
    const field = control.closest('.form-field');
    if (!field) throw new Error(`「${name}」 has no visible label (it is not inside a FormField)`);
    const label = visibleLabel(field);
    expect(label).not.toBe('');
    const unitOf = control.closest('.input-field')?.querySelector('.input-field__unit');
    const unit = unitOf?.textContent?.trim() || undefined;
    if (control.classList.contains('date-field')) {
      // A picker is named by its label and the value it shows: 「午餐截止订餐：10:00」.
      expect(name.startsWith(`${label}：`)).toBe(true);
    } else {
      expect(name).toBe(fieldName(label, unit));
    }
    return { label, unit, name };
  });
}
