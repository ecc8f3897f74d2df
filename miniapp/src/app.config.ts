// Tab pages stay in the main package; every other page lives in a subpackage under packages/.
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/council/index', 'pages/canteen/index', 'pages/points/index', 'pages/mine/index'],
  subPackages: [
    { root: 'packages/account', pages: ['login/index', 'apply/index', 'dependents/index'] },
    {
      root: 'packages/staff',
      pages: [
        'workbench/index',
        'reviews/index',
        'links/index',
        'register/index',
        'members/index',
        'notify-stats/index',
        'council/index',
        'council/venues/index',
        'council/schedule/index',
        'council/attendees/index',
        'council/book-for/index',
        'points/index',
        'points/activity/index',
        'points/adjust/index',
      ],
    },
    { root: 'packages/merchant', pages: ['center/index'] },
    { root: 'packages/messages', pages: ['index/index'] },
    { root: 'packages/council', pages: ['session/index', 'bookings/index'] },
    {
      root: 'packages/points',
      pages: ['history/index', 'activities/index', 'merchants/index', 'redeem/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f5f6f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '邻里',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#4b5563',
    selectedColor: '#0f6e3f',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/council/index', text: '议事' },
      { pagePath: 'pages/canteen/index', text: '食堂' },
      { pagePath: 'pages/points/index', text: '积分' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
});
