/** 微心愿 data for the mini-program's component tests, shaped as the API returns it. */
import type { Reply, Routes } from '@linli/shared/contract';

type WishDetail = Reply<Routes['getWish']>;
type Wish = WishDetail['wish'];

export const wish = (over: Partial<Wish> = {}): Wish => ({
  wishId: 'wish-1',
  communityId: 'anjuyuan',
  text: '想要一台收音机，每天听听新闻',
  category: '生活用品',
  handover: '上门送达',
  status: 'open',
  wisherName: '6号楼 刘**',
  priority: true,
  offeredTo: { kind: 'all' },
  createdAt: '2026-11-20T01:30:00.000Z',
  statusAt: '2026-11-21T01:30:00.000Z',
  ...over,
});

const NOTHING = {
  isWisher: false,
  isClaimer: false,
  canClaim: false,
  canRelease: false,
  canDeliver: false,
  canConfirm: false,
  canWithdraw: false,
};

export const wishDetail = (over: Partial<Wish> = {}, mine: Partial<WishDetail['mine']> = {}): WishDetail => ({
  wish: wish(over),
  timeline: [
    { seq: 0, at: '2026-11-20T01:30:00.000Z', byName: '刘淑珍', byRole: 'resident', from: null, to: 'pending_review' },
    { seq: 1, at: '2026-11-21T01:30:00.000Z', byName: '刘晶', byRole: 'staff', from: 'pending_review', to: 'open' },
  ],
  mine: { ...NOTHING, ...mine },
});

/** Types into the Taro text area named `name` (Taro's H5 text areas report typing like its inputs). */
export function textareaEvent(name: string): Element {
  const area = document.querySelector(`taro-textarea-core[aria-label="${name}"]`);
  if (!area) throw new Error(`no text area named 「${name}」`);
  return area;
}
