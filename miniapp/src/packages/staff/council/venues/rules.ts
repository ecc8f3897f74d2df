/** The server's rules for a venue (shared/src/contract/council.ts), checked as staff type. */
export interface VenueDraft {
  name: string;
  place: string;
  capacity: string;
}

export const emptyVenue: VenueDraft = { name: '', place: '', capacity: '' };

/** Messages per field; an empty object means the venue can be saved. */
export function venueDraftErrors(draft: VenueDraft): Partial<Record<keyof VenueDraft, string>> {
  const errors: Partial<Record<keyof VenueDraft, string>> = {};
  const name = draft.name.trim();
  const place = draft.place.trim();
  if (name.length < 2) errors.name = '请输入议事场所名称';
  else if (name.length > 30) errors.name = '名称最多 30 个字';
  if (place.length < 2) errors.place = '请输入地点';
  else if (place.length > 60) errors.place = '地点最多 60 个字';
  const capacity = Number(draft.capacity.trim());
  if (!/^\d+$/.test(draft.capacity.trim()) || capacity < 1) errors.capacity = '座位数至少为 1';
  else if (capacity > 500) errors.capacity = '座位数最多 500';
  return errors;
}
