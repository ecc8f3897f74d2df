/** Street figures (街道数据): month bounds, the CSV of a street's month, and what each column means. */
import { toCsv } from '../common/csv';
import { shanghaiTime } from '../common/shanghai-time';

/** One community's figures of one month: aggregates only, never a person. */
export interface CommunityMonthFigures {
  communityId: string;
  name: string;
  verifiedMembers: number;
  sessionsHeld: number;
  seatsBooked: number;
  attended: number;
  topicsByStatus: Record<string, number>;
  topicsDone: number;
  /** Average 1–5 rating of the topics finished in the month, one decimal; absent when none was rated. */
  averageRating?: number;
  mealsServed: number;
  subsidyFen: number;
  volunteerMinutes: number;
  pointsIssued: number;
  pointsRedeemed: number;
}

/** [from, to) of a Shanghai month (YYYY-MM) as UTC ISO strings. */
export function monthBounds(month: string): { from: string; to: string } {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const next = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
  return { from: shanghaiTime(`${month}-01`, '00:00'), to: shanghaiTime(`${next}-01`, '00:00') };
}

/** The topic states shown as columns, in the loop's order, with their Chinese names. */
export const TOPIC_STATE_NAMES: Record<string, string> = {
  submitted: '待审核',
  approved: '征集附议',
  scheduled: '已排期',
  decided: '已议定',
  in_progress: '办理中',
  done: '已办结',
  rejected: '未通过',
  merged: '已合并',
  withdrawn: '已撤回',
};

const yuan = (fen: number) => (fen / 100).toFixed(2);
const hours = (minutes: number) => (minutes / 60).toFixed(1);

/** The month's figures as a CSV (UTF-8 with BOM, as spreadsheets open it), one row per community. */
export function streetFiguresCsv(month: string, rows: CommunityMonthFigures[]): string {
  const states = Object.keys(TOPIC_STATE_NAMES);
  const header = [
    '月份',
    '社区',
    '认证居民（人）',
    '议事会（场）',
    '预约座位（个）',
    '到会（人次）',
    ...states.map((s) => `议题·${TOPIC_STATE_NAMES[s]}（件）`),
    '议题平均评分（1-5）',
    '供餐（份）',
    '助餐补贴（元）',
    '志愿服务（小时）',
    '积分发放',
    '积分兑换',
  ];
  return toCsv([
    header,
    ...rows.map((r) => [
      month,
      r.name,
      String(r.verifiedMembers),
      String(r.sessionsHeld),
      String(r.seatsBooked),
      String(r.attended),
      ...states.map((s) => String(r.topicsByStatus[s] ?? 0)),
      r.averageRating === undefined ? '' : r.averageRating.toFixed(1),
      String(r.mealsServed),
      yuan(r.subsidyFen),
      hours(r.volunteerMinutes),
      String(r.pointsIssued),
      String(r.pointsRedeemed),
    ]),
  ]);
}
