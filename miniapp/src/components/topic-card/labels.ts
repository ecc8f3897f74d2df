import type { StatusTone } from '../status-tag';

type Status =
  'submitted' | 'approved' | 'rejected' | 'merged' | 'withdrawn' | 'scheduled' | 'decided' | 'in_progress' | 'done';

/** A topic's status as people say it. */
export const TOPIC_STATUS_LABELS: Record<Status, string> = {
  submitted: '待审核',
  approved: '已受理',
  rejected: '未受理',
  merged: '已合并',
  withdrawn: '已撤回',
  scheduled: '已排上议事会',
  decided: '已作出决定',
  in_progress: '办理中',
  done: '已办结',
};

export function topicTone(status: Status): StatusTone {
  if (status === 'done') return 'ok';
  if (status === 'rejected' || status === 'withdrawn' || status === 'merged') return 'bad';
  if (status === 'submitted') return 'waiting';
  return 'neutral';
}

/** 由工作人员刘晶代为登记 / 家属张伟代为提出, or nothing when the author entered it. */
export function recordedByText(recordedBy: { name: string; via: 'caregiver' | 'staff' } | undefined): string | null {
  if (!recordedBy) return null;
  return recordedBy.via === 'staff' ? `由工作人员${recordedBy.name}代为登记` : `家属${recordedBy.name}代为提出`;
}

/** ★★★★☆ for 4 of 5. */
export const stars = (n: number) => '★'.repeat(Math.round(n)) + '☆'.repeat(5 - Math.round(n));
