/**
 * WeChat's privacy check in the compiled weapp build: app.json turns it on, and the consent
 * sheet's agree button is WeChat's agreePrivacyAuthorization button, so WeChat accepts the
 * agreement Linli reports from onNeedPrivacyAuthorization.
 */
import { freshWeappBuild, weappFile } from '../helpers/weapp-build';

const BUILD_MS = 300_000;
beforeAll(() => {
  freshWeappBuild();
}, BUILD_MS);

describe('weapp build: privacy authorization', () => {
  it('turns on __usePrivacyCheck__ in app.json and ships the 隐私保护指引 page', () => {
    const app = JSON.parse(weappFile('app.json')) as {
      __usePrivacyCheck__?: boolean;
      subPackages: { root: string; pages: string[] }[];
    };
    expect(app.__usePrivacyCheck__).toBe(true);
    const account = app.subPackages.find((p) => p.root === 'packages/account');
    expect(account?.pages).toContain('privacy-guide/index');
  });

  it('lets the sheet’s button carry open-type and the agree event to WeChat', () => {
    const base = weappFile('base.wxml');
    const button = /<button [^>]*>/.exec(base)?.[0] ?? '';
    expect(button).toMatch(/open-type="\{\{i\.p\d+\}\}"/);
    expect(button).toContain('bindagreeprivacyauthorization="eh"');
  });

  it('answers onNeedPrivacyAuthorization in the app bundle', () => {
    const bundles = ['app.js', 'common.js'].map(weappFile).join('\n');
    expect(bundles.includes('onNeedPrivacyAuthorization')).toBe(true);
    expect(bundles.includes('linli-privacy-agree')).toBe(true);
  });
});
