/**
 * The privacy APIs the mini-program uses are the ones the console declares: docs/privacy-apis.md
 * is generated from the code, every category used has a purpose written down, and every call
 * goes through the consent check in services/privacy-apis.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  findPrivacyApiUses,
  miniappSources,
  renderPrivacyApisDoc,
  undeclaredUses,
  WECHAT_PRIVACY_APIS,
} from '../../scripts/lib/privacy-apis';

const uses = findPrivacyApiUses(miniappSources());

describe('privacy APIs declared for the console', () => {
  it('has a purpose for every category of privacy API the code uses', () => {
    expect(undeclaredUses(uses)).toEqual([]);
    expect(uses.map((u) => u.api)).toContain('setClipboardData');
  });

  it('keeps docs/privacy-apis.md as the code makes it (npm run privacy:apis)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'privacy-apis.md'), 'utf8');
    expect(committed).toBe(renderPrivacyApisDoc(uses));
  });

  it('calls privacy APIs only behind the consent check (services/privacy-apis.ts)', () => {
    const outside = uses.flatMap((u) => u.files.filter((f) => f !== 'miniapp/src/services/privacy-apis.ts'));
    expect(outside).toEqual([]);
  });

  it('finds a new privacy API however it is written, and fails until its purpose is declared', () => {
    const sources = [
      { path: 'a.tsx', text: "const where = await Taro.getLocation({ type: 'gcj02' });" },
      { path: 'b.tsx', text: '<Button openType="getPhoneNumber|agreePrivacyAuthorization">手机号</Button>' },
      { path: 'c.ts', text: "await Taro.authorize({ scope: 'scope.camera' });" },
      { path: 'd.tsx', text: '<Camera devicePosition="back" />' },
      { path: 'e.ts', text: "const choose = wx['chooseMedia'];" },
      { path: 'f.ts', text: '// Taro.chooseAddress is not used here\nconst x = 1;' },
    ];
    const found = findPrivacyApiUses(sources);
    expect(found.map((u) => [u.api, u.files])).toEqual([
      ['getLocation', ['a.tsx']],
      ['open-type="getPhoneNumber"', ['b.tsx']],
      ['chooseMedia', ['e.ts']],
      ['<Camera>', ['d.tsx']],
      ['scope.camera', ['c.ts']],
    ]);
    expect(undeclaredUses(found).map((u) => u.key)).toEqual(['Location', 'PhoneNumber']);
    expect(renderPrivacyApisDoc(found)).toContain('| 位置信息 (`Location`) | **missing** |');
  });

  it('knows the clipboard, photo and camera categories of WeChat’s list', () => {
    const byKey = Object.fromEntries(WECHAT_PRIVACY_APIS.map((c) => [c.key, c.apis]));
    expect(byKey.Clipboard).toEqual(['setClipboardData', 'getClipboardData']);
    expect(byKey.Album).toEqual(expect.arrayContaining(['chooseImage', 'chooseMedia']));
    expect(byKey.Camera).toEqual(expect.arrayContaining(['<Camera>', 'scope.camera']));
  });
});
