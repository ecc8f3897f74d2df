/** Component-test data of the grid pages: 赵网格, grid worker of 第一网格 in 安居苑, and the people of the grid. */
import type { GridPerson, GridPersonCard } from '../../miniapp/src/hooks/use-grid';
import { setStorageSync } from './taro-mock';
import { serveApi, type Answer, type SentRequest } from './miniapp-api';
import { accessTokenWith, newcomer } from './miniapp-fixtures';
import { TOKEN_STORAGE_KEY } from '../../miniapp/src/services/api';
import { REFRESH_TOKEN_STORAGE_KEY, resetSessionCache, USER_ID_STORAGE_KEY } from '../../miniapp/src/services/session';

export const GRID_WORKER = newcomer({
  name: '赵网格',
  grants: [{ role: 'grid', communityId: 'anjuyuan', gridId: 'g1' }],
});

/** Stores 赵网格's session and serves `routes` (with GET /me); returns the requests sent. */
export function serveAsGridWorker(routes: Record<string, Answer>, who = GRID_WORKER): SentRequest[] {
  setStorageSync(TOKEN_STORAGE_KEY, accessTokenWith(who.grants, who.name));
  setStorageSync(REFRESH_TOKEN_STORAGE_KEY, 'refresh');
  setStorageSync(USER_ID_STORAGE_KEY, who.userId);
  resetSessionCache();
  return serveApi({ 'GET /me': who, ...routes });
}

export const gridPerson = (over: Partial<GridPerson> = {}): GridPerson => ({
  memberId: 'm-liu',
  name: '刘淑珍',
  age: 82,
  gridId: 'g1',
  gridName: '第一网格',
  buildingName: '6号楼',
  unitName: '1单元',
  room: '101',
  tags: ['独居', '高龄'],
  hasWeChat: true,
  intervalDays: 7,
  lastVisitAt: '2026-11-20T02:00:00.000Z',
  lastAttemptAt: '2026-11-20T02:00:00.000Z',
  lastMethod: '上门',
  lastObservation: '良好',
  dueAt: '2026-11-27T02:00:00.000Z',
  overdue: true,
  overdueDays: 6,
  signals: [],
  ...over,
});

export const personCard = (over: Partial<GridPersonCard> = {}): GridPersonCard => ({
  person: gridPerson(),
  phone: '13995061234',
  caregivers: [{ name: '王桂芳', relation: '子女', phone: '13895012345' }],
  visits: [
    {
      visitId: 'v1',
      memberId: 'm-liu',
      gridId: 'g1',
      at: '2026-11-20T02:00:00.000Z',
      byName: '赵网格',
      method: '上门',
      observation: '良好',
      note: '精神不错',
    },
  ],
  ...over,
});
