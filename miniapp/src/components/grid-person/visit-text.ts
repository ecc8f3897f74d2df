/** How a person's visit standing and today's signals read on the grid pages. */
import type { GridPerson } from '../../hooks/use-grid';
import type { StatusTone } from '../status-tag';
import { shanghaiDate } from '../../utils/session-time';

/** 「超期 5 天」「今天到期」「下次 12月9日前」「从未探访」, with the tone it shows in. */
export function standingText(p: GridPerson, now = new Date()): { text: string; tone: StatusTone } | undefined {
  if (p.intervalDays === undefined) return undefined;
  if (!p.lastVisitAt && p.overdue) return { text: '从未探访', tone: 'bad' };
  if (p.overdue) return { text: p.overdueDays > 0 ? `超期 ${p.overdueDays} 天` : '今天到期', tone: 'bad' };
  if (!p.dueAt) return undefined;
  const due = shanghaiDate(p.dueAt);
  if (due === shanghaiDate(now.toISOString())) return { text: '今天到期', tone: 'waiting' };
  const [, m, d] = due.split('-').map(Number);
  return { text: `${m}月${d}日前探访`, tone: 'ok' };
}

/** 「今天午餐未取（长者食堂）」「今天晚餐送餐未送达」 */
export function signalText(s: GridPerson['signals'][number]): string {
  return s.kind === 'meal_not_picked_up'
    ? `今天${s.meal}订了没来取（${s.canteenName}）`
    : `今天${s.meal}送餐没有送到（${s.canteenName}）`;
}

/** 「1号楼 1单元 302」 */
export const addressText = (p: Pick<GridPerson, 'buildingName' | 'unitName' | 'room'>) =>
  `${p.buildingName} ${p.unitName} ${p.room}`;

/** 「上门 · 良好」「无人应答」 */
export const visitSummary = (v: { method: string; observation?: string }) =>
  v.observation ? `${v.method} · ${v.observation}` : v.method;

/** 紧急 red, 需要帮助 amber, 良好 green; nothing seen (无人应答) grey. */
export const observationTone = (o: string | undefined): StatusTone =>
  o === '紧急' ? 'bad' : o === '需要帮助' ? 'waiting' : o === '良好' ? 'ok' : 'neutral';
