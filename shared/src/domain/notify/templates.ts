/**
 * WeChat subscribe messages: each template field has a type with limits WeChat enforces, and a
 * message that breaks one is refused (errcode 47003). Values are fitted here before sending.
 */
import type { TemplateKey } from '../../contract/notify';
import { shanghaiWallClock } from '../common/shanghai-time';

export type FieldType = 'thing' | 'time' | 'phrase' | 'character_string' | 'name' | 'number';

/** Longest value WeChat accepts per field type (characters). */
export const FIELD_LIMITS: Record<FieldType, number> = {
  thing: 20,
  time: 32,
  phrase: 5,
  character_string: 32,
  name: 10,
  number: 32,
};

/** The fields of each template Linli uses, as configured in the mini-program's console. */
export const TEMPLATES: Record<TemplateKey, { title: string; fields: Record<string, FieldType> }> = {
  seat: { title: '候补成功通知', fields: { thing1: 'thing', time2: 'time', thing3: 'thing', phrase4: 'phrase' } },
  council: { title: '活动变更通知', fields: { thing1: 'thing', time2: 'time', thing3: 'thing', thing4: 'thing' } },
  topic: { title: '审核结果通知', fields: { thing1: 'thing', phrase2: 'phrase', thing3: 'thing' } },
  meal: { title: '订单配送通知', fields: { thing1: 'thing', phrase2: 'phrase', time3: 'time' } },
  points: { title: '积分变动提醒', fields: { number1: 'number', thing2: 'thing', time3: 'time' } },
};

/** Cuts a value to its field's limit, ending with … when cut; strips what a field type forbids. */
export function fitField(type: FieldType, value: string): string {
  let text = value.replace(/\s+/g, ' ').trim();
  if (type === 'character_string') text = text.replace(/[^0-9A-Za-z_\-.:@]/g, '');
  if (type === 'number') text = text.replace(/[^0-9.]/g, '');
  if (type === 'phrase') text = text.replace(/[^\u4e00-\u9fa5]/g, '');
  const limit = FIELD_LIMITS[type];
  const chars = [...text];
  if (chars.length <= limit) return text;
  return type === 'thing' || type === 'name'
    ? `${chars.slice(0, limit - 1).join('')}…`
    : chars.slice(0, limit).join('');
}

/** Fits every field of a template's data; a field the template does not have is an error. */
export function renderTemplate(key: TemplateKey, values: Record<string, string>): Record<string, { value: string }> {
  const template = TEMPLATES[key];
  const data: Record<string, { value: string }> = {};
  for (const [field, type] of Object.entries(template.fields)) {
    const value = values[field];
    if (value === undefined) throw new Error(`template ${key} needs ${field}`);
    data[field] = { value: fitField(type, value) };
  }
  for (const field of Object.keys(values)) {
    if (!Object.hasOwn(template.fields, field)) throw new Error(`template ${key} has no field ${field}`);
  }
  return data;
}

/** 2026-11-22T01:30:00Z → 2026年11月22日 09:30 (Asia/Shanghai), the time format WeChat shows. */
export function wechatTime(iso: string): string {
  const d = shanghaiWallClock(iso).toISOString();
  return `${d.slice(0, 4)}年${d.slice(5, 7)}月${d.slice(8, 10)}日 ${d.slice(11, 16)}`;
}
