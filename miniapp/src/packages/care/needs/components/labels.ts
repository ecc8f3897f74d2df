/** Words the needs pages show for states, sources, urgency and assignees. */
import type { Need } from '../../../../hooks/use-needs';

/** The state names and categories are the domain's own, so the pages and the server cannot drift apart. */
export { NEED_CATEGORIES, NEED_STATE_LABELS } from '@linli/shared/domain/care/need';

export const SOURCE_TEXT: Record<Need['source'], string> = {
  resident: '居民求助',
  visit: '网格走访发现',
  phone: '电话求助',
};

export const ASSIGNEE_KIND_TEXT = { volunteer: '志愿者', partner: '共建单位', staff: '工作人员' } as const;

/** 12月5日 14:30, Asia/Shanghai. */
export function shanghaiTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
