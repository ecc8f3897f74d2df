/**
 * What Linli collects and why, in the words residents read: the consent sheet, the 隐私保护指引
 * page and docs/privacy-apis.md (scripts/privacy-apis.ts) all take it from here, so the three
 * never disagree. Pure data: no Taro imports, so the docs script can read it too.
 */

/** One kind of personal information and what Linli uses it for. */
export interface CollectedItem {
  /** What it is, as residents call it. */
  item: string;
  /** Why Linli needs it, in one sentence. */
  why: string;
}

/** Personal information residents give Linli (forms, membership, orders). */
export const COLLECTED_INFORMATION: readonly CollectedItem[] = [
  { item: '姓名', why: '核实您是本社区居民，在议事会签到、食堂取餐和积分记录上认出您' },
  { item: '出生日期', why: '计算长者助餐补贴的年龄段，按年龄提供送餐等照顾' },
  { item: '楼栋和房号', why: '确认住户身份，按楼栋邀请议事、安排送餐上门' },
  { item: '手机号', why: '预约、送餐或心愿有变化时，社区工作人员能联系到您' },
];

/** Phone permissions Linli asks WeChat for, and when. */
export const DEVICE_PERMISSIONS: readonly CollectedItem[] = [
  {
    item: '摄像头',
    why: '扫描签到码、取餐码和兑换码；许心愿或送达心愿时拍一张照片',
  },
  {
    item: '相册中选择的照片',
    why: '许心愿、送达心愿或发布菜品时选的照片，审核通过后才给他人看到',
  },
  { item: '微信聊天中选择的文件', why: '工作人员导入居民台账（CSV 或 Excel）；文件只用于本次导入，不保存' },
  { item: '剪贴板（仅写入）', why: '把您导出的参会名单、食堂日结表复制出来，便于粘贴到表格；不读取剪贴板' },
];

/**
 * WeChat's privacy categories (as the console's 用户隐私保护指引 names them) that Linli's code
 * may use, each with the purpose to declare there. A privacy API whose category is missing here
 * fails tests/unit/privacy-apis.test.ts until someone writes down why Linli needs it.
 */
export const CONSOLE_PURPOSES: Readonly<Record<string, string>> = {
  Clipboard: '把工作人员导出的参会名单、食堂日结表等复制到剪贴板，便于粘贴到表格',
  Album: '居民许微心愿、认领人标记心愿已送达时选择一张照片；工作人员发布菜品时选择菜品照片',
  Camera: '扫描议事会签到码、取餐码、活动签到码和积分兑换码；许微心愿、标记心愿已送达时拍一张照片',
  MessageFile: '社区工作人员从微信聊天中选择居民台账文件（CSV 或 Excel）导入；文件只用于本次导入，不保存',
};

/** Where the data stays and for how long, for the guide page. */
export const DATA_HANDLING: readonly CollectedItem[] = [
  { item: '存放地点', why: '保存在中国境内（亚马逊云科技宁夏区域），不向境外传输' },
  { item: '保存期限', why: '账号存续期间保存；注销后删除姓名、电话、出生日期和微信标识，账目和到会记录只留匿名编号' },
  { item: '对外提供', why: '不出售、不向社区以外的单位提供；微心愿交给共建单位时只显示楼栋和姓氏' },
  { item: '您的权利', why: '在「我的 → 个人信息与账号」随时下载您的数据副本或注销账号' },
];
