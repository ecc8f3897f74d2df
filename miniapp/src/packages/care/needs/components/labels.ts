/** Words the needs pages show for states, sources, urgency and assignees. */
import type { Need } from '../../../../hooks/use-needs';

export const NEED_STATE_TEXT: Record<Need['status'], string> = {
  new: '待派单',
  dispatched: '已派单',
  accepted: '已接单',
  done: '已完成',
  rated: '已评价',
  cancelled: '已取消',
};

export const NEED_CATEGORIES = [
  '维修报修',
  '生活照料',
  '就医陪护',
  '代办跑腿',
  '陪伴关怀',
  '环境设施',
  '其他',
] as const;

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
