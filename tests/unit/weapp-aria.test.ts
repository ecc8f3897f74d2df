/**
 * Accessibility labels in the weapp build: WeChat's screen reader reads `aria-role` and
 * `aria-label` (and the aria states) on components, which Taro's templates drop unless declared.
 * These tests read the compiled output in miniapp/dist/weapp.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LABELLED_COMPONENTS, WEAPP_ARIA_PROPS, weappAriaPatch } from '../../miniapp/src/a11y/weapp-aria';
import { freshWeappBuild, weappFile } from '../helpers/weapp-build';

const BUILD_MS = 300_000;
let baseWxml = '';
beforeAll(() => {
  freshWeappBuild();
  baseWxml = weappFile('base.wxml');
}, BUILD_MS);

/**
 * Components whose template renders another element: Taro renders its Slot as a <view slot="…">
 * (also under the name slot-view), and its NativeSlot as WeChat's own <slot>; the current pages
 * pull in all three.
 */
const ELEMENT_OF: Record<string, string> = { slot: 'view', 'slot-view': 'view', 'native-slot': 'slot' };

const toDashed = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const toCamel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

interface CompiledTemplate {
  num: string;
  element: string;
  bindings: Map<string, string>;
}

/**
 * Each first-level template of base.wxml (`tmpl_0_N`, and for inputs their `_focus`/`_blur`
 * variants): the element it renders and its `attr="{{…i.pK…}}"` bindings.
 */
function level0Templates(): CompiledTemplate[] {
  const templates: CompiledTemplate[] = [];
  const pattern = /<template name="tmpl_0_(\w+?)(?:_focus|_blur)?">\s*<([a-z-]+)\s([^>]*)>/g;
  for (const [, num, element, attrs] of baseWxml.matchAll(pattern)) {
    if (element === 'template') continue; // the focus/blur switch; its variants follow
    const bindings = new Map<string, string>();
    for (const [, attr, alias] of attrs!.matchAll(/([a-z-]+)="\{\{[^}]*?\bi\.(p\d+)\b[^}]*\}\}"/g))
      bindings.set(attr!, alias!);
    templates.push({ num: num!, element: element!, bindings });
  }
  return templates;
}

/**
 * The attribute numbering the weapp runtime computes at launch (Taro's component list, the
 * weapp platform's additions, then ours), taken from the same packages the build bundles.
 */
function runtimeAliases(): Record<string, Record<string, string>> {
  const script = `
    import { components } from '@tarojs/plugin-platform-weapp/dist/runtime-utils.js';
    import { internalComponents, mergeInternalComponents, getComponentsAlias } from '@tarojs/shared';
    mergeInternalComponents(components);
    mergeInternalComponents(${JSON.stringify(weappAriaPatch())});
    process.stdout.write(JSON.stringify(getComponentsAlias(internalComponents)));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: join(__dirname, '..', '..'),
  });
  return JSON.parse(out.toString()) as Record<string, Record<string, string>>;
}

describe('weapp build: role and aria-* reach WeChat', () => {
  it('declares aria-role, aria-label and the aria states on every labelled component', () => {
    const aliases = runtimeAliases();
    const templates = level0Templates();
    const expected = WEAPP_ARIA_PROPS.map((p) => (p === 'role' ? 'aria-role' : p));
    const used: string[] = [];
    for (const component of LABELLED_COMPONENTS) {
      const name = toDashed(component);
      // pure-view and click-view are chosen only for a view with no props beyond class and style.
      const variants = [name, `static-${name}`, ...(name === 'view' ? ['catch-view'] : [])];
      const nums = new Set(variants.flatMap((v) => (aliases[v] ? [aliases[v]._num] : [])));
      const rendered = templates.filter((t) => nums.has(t.num));
      // Taro emits templates only for the components the app uses.
      if (rendered.length > 0) used.push(component);
      for (const { bindings } of rendered) expect([...bindings.keys()]).toEqual(expect.arrayContaining(expected));
    }
    expect(used).toEqual(expect.arrayContaining(['View', 'Text', 'Image', 'Button', 'Input', 'Textarea']));
    // WeChat ignores a bare `role`: it must be rendered as aria-role only.
    expect(baseWxml).not.toMatch(/\srole="/);
  });

  it('binds each attribute to the data key the runtime writes it under', () => {
    const aliases = runtimeAliases();
    const byNum = new Map(Object.entries(aliases).map(([name, map]) => [map._num, { name, map }]));
    let checked = 0;
    for (const { num, element, bindings } of level0Templates()) {
      const component = byNum.get(num);
      const name = component?.name.replace(/^(static|pure|catch|click)-/, '');
      expect({ num, element: ELEMENT_OF[name ?? ''] ?? name }).toEqual({ num, element });
      for (const [attr, alias] of bindings) {
        const prop = toCamel(attr === 'aria-role' ? 'role' : attr);
        if (!(prop in component!.map)) continue; // a shortcut such as st/cl, not a numbered prop
        expect({ num, attr, alias: component!.map[prop] }).toEqual({ num, attr, alias });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('loads the runtime half before the app, so page data uses the same numbering', () => {
    const app = weappFile('app.js');
    expect(app).toContain('"aria-label","aria-hidden"');
    expect(app.indexOf('"aria-label","aria-hidden"')).toBeLessThan(app.indexOf('pages/home/index'));
  });

  it('ships the labels the pages set (e.g. 退出代办, 办理进程) in the compiled page code', () => {
    const js = readdirSync(weappDir(), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js'))
      .map((f) => weappFile(f))
      .join('\n');
    // The minifier writes Chinese as \u escapes; compare booleans so a failure does not print the bundle.
    const escaped = (text: string) =>
      JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
    expect(js.includes(`"aria-label":${escaped('退出代办')}`)).toBe(true);
    expect(js.includes(`"aria-label":${escaped('办理进程')}`)).toBe(true);
    expect(js.includes('role:"button"')).toBe(true);
  });
});

function weappDir(): string {
  return join(__dirname, '..', '..', 'miniapp', 'dist', 'weapp');
}
