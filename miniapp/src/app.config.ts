// Tab pages stay in the main package; every other page lives in a subpackage under packages/.
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/council/index', 'pages/canteen/index', 'pages/points/index', 'pages/mine/index'],
  subPackages: [
    {
      root: 'packages/account',
      pages: ['login/index', 'apply/index', 'dependents/index', 'privacy/index', 'privacy-guide/index'],
    },
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
        'agenda/index',
        'agenda/topic/index',
        'agenda/record/index',
        'canteen/index',
        'canteen/publish/index',
        'canteen/kitchen/index',
        'canteen/settlement/index',
        'canteen/order-for/index',
        'canteen/delivery/index',
        'canteen/settings/index',
        'points/index',
        'points/activity/index',
        'points/adjust/index',
        'structure/index',
        'care/index',
        'care/review/index',
        'care/overview/index',
        'care/settings/index',
        'care/partners/index',
        'care/tags/index',
        'care/post-for/index',
      ],
    },
    { root: 'packages/merchant', pages: ['center/index'] },
    { root: 'packages/onboarding', pages: ['find/index', 'invite/index'] },
    { root: 'packages/street', pages: ['console/index', 'roles/index', 'figures/index'] },
    { root: 'packages/messages', pages: ['index/index'] },
    { root: 'packages/council', pages: ['session/index', 'bookings/index'] },
    { root: 'packages/agenda', pages: ['index/index', 'submit/index', 'mine/index', 'topic/index', 'board/index'] },
    { root: 'packages/canteen', pages: ['menu/index', 'order/index', 'orders/index', 'deliveries/index'] },
    {
      root: 'packages/care',
      pages: ['wall/index', 'post/index', 'mine/index', 'wish/index', 'claims/index', 'bind/index'],
    },
    {
      root: 'packages/points',
      pages: ['history/index', 'activities/index', 'merchants/index', 'redeem/index'],
    },
  ],
  // Load only the components a page renders (WeChat's 按需注入), and fetch the subpackages people
  // open next before they tap: the canteen's from the 食堂 tab, staff pages from 我的 (on Wi-Fi only).
  lazyCodeLoading: 'requiredComponents',
  preloadRule: {
    'pages/canteen/index': { network: 'all', packages: ['packages/canteen'] },
    'pages/mine/index': { network: 'wifi', packages: ['packages/staff'] },
  },
  sitemapLocation: 'sitemap.json',
  // WeChat's privacy check: privacy APIs wait for the user's consent, which Linli asks for with its
  // own sheet (services/privacy-consent.ts answers onNeedPrivacyAuthorization).
  __usePrivacyCheck__: true,
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f5f6f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '邻里',
    navigationBarTextStyle: 'black',
    // WeChat draws its own bar either way; on H5 this turns on Taro's bar (title, back or home),
    // so a subpage opened from a link or a message is never a dead end.
    navigationStyle: 'default',
  },
  // Icons: PNG 81×81 ≤ 40 KB as WeChat requires, drawn from NutUI's icon set by scripts/tab-icons.ts.
  tabBar: {
    color: '#4b5563',
    selectedColor: '#0f6e3f',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/council/index',
        text: '议事',
        iconPath: 'assets/tabbar/council.png',
        selectedIconPath: 'assets/tabbar/council-active.png',
      },
      {
        pagePath: 'pages/canteen/index',
        text: '食堂',
        iconPath: 'assets/tabbar/canteen.png',
        selectedIconPath: 'assets/tabbar/canteen-active.png',
      },
      {
        pagePath: 'pages/points/index',
        text: '积分',
        iconPath: 'assets/tabbar/points.png',
        selectedIconPath: 'assets/tabbar/points-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
});
