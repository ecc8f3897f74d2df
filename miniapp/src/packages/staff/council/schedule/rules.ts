/**
 * The schedule form: what staff pick (a Shanghai date and clock times) and its conversion to the
 * UTC times the API takes. The checks repeat the server's (shared/src/domain/council/rules.ts) so
 * the hint shows before submitting; the server still decides, e.g. about overlaps.
 */
import type { Body, Routes } from '@linli/shared/contract';
import { MAX_SESSION_HOURS } from '@linli/shared/domain/council/rules';
import { shanghaiToIso, suggestedSlot } from '../../../../utils/session-time';

export type ScheduleInput = Body<Routes['createSession']>;

/** Cancel cutoffs staff choose from (minutes before the start). */
export const CUTOFF_CHOICES = [
  { value: '30', label: '开始前半小时' },
  { value: '60', label: '开始前1小时' },
  { value: '120', label: '开始前2小时' },
  { value: '1440', label: '开始前1天' },
] as const;

export type CutoffChoice = (typeof CUTOFF_CHOICES)[number]['value'];

export interface ScheduleDraft {
  title: string;
  venueId: string | undefined;
  /** YYYY-MM-DD and HH:mm, Asia/Shanghai. */
  date: string;
  start: string;
  end: string;
  audience: 'community' | 'buildings';
  buildingIds: string[];
  reservedSeats: string;
  cutoff: CutoffChoice;
}

/** A fresh form: the next free half hour today, for the whole community, cutoff 2 hours. */
export function emptySchedule(now: Date = new Date()): ScheduleDraft {
  const slot = suggestedSlot(now);
  return {
    title: '',
    venueId: undefined,
    date: slot.date,
    start: slot.start,
    end: slot.end,
    audience: 'community',
    buildingIds: [],
    reservedSeats: '0',
    cutoff: '120',
  };
}

export type ScheduleErrors = Partial<Record<keyof ScheduleDraft, string>>;

/** Messages per field; an empty object means the form can be sent. `capacity` is the chosen venue's. */
export function scheduleDraftErrors(
  draft: ScheduleDraft,
  capacity: number | undefined,
  now: Date = new Date(),
): ScheduleErrors {
  const errors: ScheduleErrors = {};
  const title = draft.title.trim();
  if (title.length < 2) errors.title = '请输入议事会主题';
  else if (title.length > 50) errors.title = '主题最多 50 个字';
  if (!draft.venueId) errors.venueId = '请选择议事场所';
  const start = Date.parse(shanghaiToIso(draft.date, draft.start));
  const end = Date.parse(shanghaiToIso(draft.date, draft.end));
  if (!(start > now.getTime())) errors.start = '开始时间已过，请选择以后的时间';
  if (!(end > start)) errors.end = '结束时间要晚于开始时间';
  else if (end - start > MAX_SESSION_HOURS * 3600_000) errors.end = `一场议事会最长 ${MAX_SESSION_HOURS} 小时`;
  if (draft.audience === 'buildings' && draft.buildingIds.length === 0) errors.buildingIds = '请选择楼栋';
  const reserved = draft.reservedSeats.trim();
  if (!/^\d+$/.test(reserved)) errors.reservedSeats = '请输入 0 或正整数';
  else if (capacity !== undefined && Number(reserved) > capacity) {
    errors.reservedSeats = `预留座位不能超过场所的 ${capacity} 个座位`;
  }
  return errors;
}

/** The request body of a checked draft. */
export function toScheduleInput(draft: ScheduleDraft): ScheduleInput {
  return {
    title: draft.title.trim(),
    venueId: draft.venueId!,
    startsAt: shanghaiToIso(draft.date, draft.start),
    endsAt: shanghaiToIso(draft.date, draft.end),
    audience:
      draft.audience === 'community' ? { kind: 'community' } : { kind: 'buildings', buildingIds: draft.buildingIds },
    reservedSeats: Number(draft.reservedSeats.trim()),
    cancelCutoffMinutes: Number(draft.cutoff),
  };
}
