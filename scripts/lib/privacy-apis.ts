/**
 * Which of WeChat's privacy APIs (用户隐私保护指引 → 隐私接口) the mini-program's code uses, read
 * from the code itself, and the docs/privacy-apis.md that lists them for the console. WeChat
 * disables an API whose category the console's guide does not declare, and the review checks the
 * declaration against the code; tests/unit/privacy-apis.test.ts keeps the two in step.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONSOLE_PURPOSES, DEVICE_PERMISSIONS } from '../../miniapp/src/services/privacy-catalog';

const ROOT = join(__dirname, '..', '..');
const MINIAPP_SRC = join(ROOT, 'miniapp', 'src');

/** One category of WeChat's privacy guide and the APIs and components that need it declared. */
export interface PrivacyCategory {
  /** WeChat's privacy_key (setPrivacySetting). */
  key: string;
  /** How the console names it. */
  category: string;
  /** `wx.x` functions (called as Taro.x or wx.x), `<component>`s, `open-type="…"`, `scope.…`. */
  apis: string[];
}

/**
 * WeChat's list of privacy APIs by category (小程序用户隐私保护指引 填写说明, as published when
 * this was written). `scanCode` and `makePhoneCall` are not on it.
 */
export const WECHAT_PRIVACY_APIS: readonly PrivacyCategory[] = [
  {
    key: 'UserInfo',
    category: '用户信息（微信昵称、头像）',
    apis: ['open-type="chooseAvatar"', 'type="nickname"', 'getUserInfo', 'getUserProfile'],
  },
  {
    key: 'Location',
    category: '位置信息',
    apis: [
      'getLocation',
      'startLocationUpdate',
      'startLocationUpdateBackground',
      'onLocationChange',
      'getFuzzyLocation',
      'scope.userLocation',
      'scope.userLocationBackground',
      'scope.userFuzzyLocation',
    ],
  },
  { key: 'ChooseLocation', category: '选中的位置信息', apis: ['choosePoi', 'chooseLocation'] },
  { key: 'Address', category: '地址', apis: ['chooseAddress'] },
  { key: 'Invoice', category: '发票信息', apis: ['chooseInvoiceTitle', 'chooseInvoice'] },
  { key: 'RunData', category: '微信运动步数', apis: ['getWeRunData', 'scope.werun'] },
  {
    key: 'PhoneNumber',
    category: '手机号',
    apis: ['open-type="getPhoneNumber"', 'open-type="getRealtimePhoneNumber"'],
  },
  { key: 'LicensePlate', category: '车牌号', apis: ['chooseLicensePlate'] },
  { key: 'Album', category: '选中的照片或视频信息', apis: ['chooseImage', 'chooseMedia', 'chooseVideo'] },
  { key: 'MessageFile', category: '选中的文件', apis: ['chooseMessageFile'] },
  {
    key: 'Record',
    category: '麦克风',
    apis: ['startRecord', 'getRecorderManager', 'joinVoIPChat', '<LivePusher>', 'scope.record'],
  },
  {
    key: 'Camera',
    category: '摄像头',
    apis: ['<Camera>', 'createVKSession', '<LivePusher>', '<VoipRoom>', 'scope.camera'],
  },
  {
    key: 'BlueTooth',
    category: '蓝牙',
    apis: ['openBluetoothAdapter', 'createBLEPeripheralServer', 'scope.bluetooth'],
  },
  {
    key: 'AlbumWriteOnly',
    category: '相册（仅写入）权限',
    apis: ['saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum', 'scope.writePhotosAlbum'],
  },
  { key: 'Contact', category: '通讯录（仅写入）权限', apis: ['addPhoneContact', 'scope.addPhoneContact'] },
  {
    key: 'CalendarWriteOnly',
    category: '日历（仅写入）权限',
    apis: ['addPhoneCalendar', 'addPhoneRepeatCalendar', 'scope.addPhoneCalendar'],
  },
  { key: 'Clipboard', category: '剪切板', apis: ['setClipboardData', 'getClipboardData'] },
];

/** A source file of the mini-program: path relative to the repository, and its text. */
export interface Source {
  path: string;
  text: string;
}

/** One privacy API the code uses, where, and the category it belongs to. */
export interface PrivacyApiUse {
  api: string;
  key: string;
  category: string;
  files: string[];
}

/** The patterns that reveal a use of one API in TypeScript/TSX source. */
function patternsFor(api: string): RegExp[] {
  const component = /^<(\w+)>$/.exec(api);
  if (component) return [new RegExp(`<${component[1]}[\\s/>]`)];
  const openType = /^open-type="(\w+)"$/.exec(api);
  if (openType) return [new RegExp(`open(?:Type|-type)=["'{\`][^"'\`}]*\\b${openType[1]}\\b`)];
  if (api === 'type="nickname"') return [/type=["']nickname["']/];
  if (api.startsWith('scope.')) return [new RegExp(`['"\`]${api.replace('.', '\\.')}['"\`]`)];
  // Called through Taro or wx, or named as a member (Taro['x'], const { x } = Taro).
  return [new RegExp(`\\b(?:Taro|wx)\\s*(?:\\.\\s*${api}\\b|\\[\\s*['"\`]${api}['"\`]\\s*\\])`)];
}

/** Every privacy API the sources use, in WeChat's order, with the files that use it. */
export function findPrivacyApiUses(sources: readonly Source[]): PrivacyApiUse[] {
  const uses: PrivacyApiUse[] = [];
  for (const { key, category, apis } of WECHAT_PRIVACY_APIS) {
    for (const api of apis) {
      const patterns = patternsFor(api);
      const files = sources.filter((s) => patterns.some((p) => p.test(withoutComments(s.text)))).map((s) => s.path);
      if (files.length > 0) uses.push({ api, key, category, files: files.sort() });
    }
  }
  return uses;
}

/** Source text without comments, so a comment naming an API is not a use. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** The mini-program's source files (tests excluded: they call nothing in WeChat). */
export function miniappSources(): Source[] {
  return readdirSync(MINIAPP_SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => ({ path: relative(ROOT, join(MINIAPP_SRC, f)), text: readFileSync(join(MINIAPP_SRC, f), 'utf8') }));
}

/** Uses whose category has no purpose written down in miniapp/src/services/privacy-catalog.ts. */
export function undeclaredUses(uses: readonly PrivacyApiUse[]): PrivacyApiUse[] {
  return uses.filter((use) => !CONSOLE_PURPOSES[use.key]);
}

/** The text of docs/privacy-apis.md for these uses. */
export function renderPrivacyApisDoc(uses: readonly PrivacyApiUse[]): string {
  const byKey = new Map<string, PrivacyApiUse[]>();
  for (const use of uses) byKey.set(use.key, [...(byKey.get(use.key) ?? []), use]);
  const lines = [
    '# Privacy APIs to declare in the mini-program console',
    '',
    '<!-- generated by scripts/privacy-apis.ts from the code (npm run privacy:apis); do not edit -->',
    '',
    "WeChat disables a privacy API unless the console's 用户隐私保护指引 (设置 → 服务内容声明 →",
    '用户隐私保护指引) declares its category, and review compares the declaration with the code.',
    'This list is read from `miniapp/src`; `tests/unit/privacy-apis.test.ts` fails when the code uses',
    'a privacy API whose category has no purpose in `miniapp/src/services/privacy-catalog.ts`, or when',
    'this file is stale. Declare each category below with the purpose given:',
    '',
    '| category (privacy_key) | purpose to declare | APIs used | where |',
    '| --- | --- | --- | --- |',
  ];
  for (const [key, list] of byKey) {
    const apis = list.map((u) => `\`${u.api}\``).join(', ');
    const files = [...new Set(list.flatMap((u) => u.files))].map((f) => `\`${f}\``).join('<br>');
    lines.push(
      `| ${list[0]!.category} (\`${key}\`) | ${CONSOLE_PURPOSES[key] ?? '**missing**'} | ${apis} | ${files} |`,
    );
  }
  if (byKey.size === 0) lines.push('| (none) | | | |');
  lines.push(
    '',
    "Linli's own consent sheet (`miniapp/src/components/privacy-sheet`) names every phone permission",
    "residents should know about, whether WeChat lists it or not (`scanCode` opens WeChat's own",
    'scanner and is not on the list):',
    '',
    ...DEVICE_PERMISSIONS.map((p) => `- ${p.item}: ${p.why}`),
    '',
    'Every privacy API is called through `miniapp/src/services/privacy-apis.ts`, which asks for',
    'consent first (WeChat: `requirePrivacyAuthorize`, answered by the sheet through',
    '`onNeedPrivacyAuthorization`; H5: the sheet itself).',
    '',
  );
  return lines.join('\n');
}
