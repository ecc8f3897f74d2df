/**
 * Taro plugin: lets `role` and `aria-*` props reach the weapp build (see src/a11y/weapp-aria.ts).
 * It declares WeChat's accessibility attributes in the templates, renders `role` as `aria-role`,
 * and loads the runtime half that declares the same attributes before the app starts.
 */
import path from 'node:path';
import type { IPluginContext } from '@tarojs/service';
import type * as WeappAria from '../src/a11y/weapp-aria';

interface MiniTemplate {
  mergeComponents(ctx: IPluginContext, patch: Record<string, Record<string, string>>): void;
  replacePropName(name: string, value: string, componentName: string, componentAlias: unknown): string;
}

interface MiniPlatform {
  platform?: string;
  template?: MiniTemplate;
  runtimePath: string | string[];
}

const LIST = path.join(__dirname, '..', 'src', 'a11y', 'weapp-aria.ts');
const RUNTIME = path.join(__dirname, '..', 'src', 'a11y', 'weapp-aria-runtime.ts');

export default (ctx: IPluginContext) => {
  // Taro compiles a plugin file itself but not what it imports: the attribute list (which the
  // runtime half shares) goes through the same TypeScript register.
  ctx.helper.createSwcRegister({ only: [LIST] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { weappAriaPatch, weappAttributeName } = require(LIST) as typeof WeappAria;
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: MiniPlatform) {
      const template = platform.template;
      if (platform.platform !== 'weapp' || !template) return;
      template.mergeComponents(ctx, weappAriaPatch());
      const original = template.replacePropName.bind(template);
      template.replacePropName = (name, value, componentName, componentAlias) =>
        weappAttributeName(original(name, value, componentName, componentAlias));
      // Without the runtime half, the page data would number attributes differently from base.wxml.
      platform.runtimePath = [...[platform.runtimePath].flat(), RUNTIME];
    },
  });
};
