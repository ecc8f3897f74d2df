/**
 * WeChat's accessibility attributes and the components that carry them in the weapp build.
 *
 * Taro's mini-program templates (base.wxml) pass only the attributes each component declares,
 * and the weapp platform declares none of WeChat's accessibility attributes, so WeChat's screen
 * reader (读屏) heard neither our labels nor roles. WeChat reads `aria-role` (not `role`) and a set
 * of `aria-*` states. The build (config/weapp-aria.ts) declares these in the templates and the
 * runtime (weapp-aria-runtime.ts) declares the same, so both number the attributes alike.
 */

/** Props our pages set that WeChat reads; `role` is rendered as `aria-role`. */
export const WEAPP_ARIA_PROPS = [
  'role',
  'aria-label',
  'aria-hidden',
  'aria-checked',
  'aria-selected',
  'aria-disabled',
  'aria-expanded',
  'aria-live',
] as const;

/** Components whose labels and roles pages set (Taro's component names). */
export const LABELLED_COMPONENTS = [
  'View',
  'Text',
  'Image',
  'Button',
  'Input',
  'Textarea',
  'Navigator',
  'Label',
  'Switch',
  'Checkbox',
  'Radio',
  'Picker',
  'ScrollView',
] as const;

/** The patch both the template and the runtime merge into Taro's component list ('' = no default). */
export function weappAriaPatch(): Record<string, Record<string, string>> {
  const attributes = Object.fromEntries(WEAPP_ARIA_PROPS.map((name) => [name, '']));
  return Object.fromEntries(LABELLED_COMPONENTS.map((component) => [component, { ...attributes }]));
}

/** The template attribute a prop becomes: `role` → `aria-role`, the others as they are. */
export function weappAttributeName(prop: string): string {
  return prop === 'role' ? 'aria-role' : prop;
}
