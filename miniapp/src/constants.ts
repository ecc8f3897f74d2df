/** The community the app shows until identity binds a resident to their own (seeded 安居苑社区). */
export const DEFAULT_COMMUNITY_ID = 'anjuyuan';

/** Tab pages, for switchTab. */
export const TAB_PAGES = {
  home: '/pages/home/index',
  council: '/pages/council/index',
  canteen: '/pages/canteen/index',
  points: '/pages/points/index',
  mine: '/pages/mine/index',
} as const;

/** Subpackage pages, for navigateTo. */
export const SUB_PAGES = {
  staffWorkbench: '/packages/staff/workbench/index',
  merchantCenter: '/packages/merchant/center/index',
} as const;
