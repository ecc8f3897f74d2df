/**
 * `@nutui/nutui-react-taro` for component tests. The builds rewrite `import { Switch } from
 * '@nutui/nutui-react-taro'` into the component's own module (babel-plugin-import, see
 * miniapp/babel.config.js); jest has no babel, and the package's main entry is a UMD bundle of
 * every component that breaks in jsdom. This module resolves each named import to the same
 * per-component module the builds use, and loads it only when it is first touched.
 */
const cache = new Map<string, unknown>();

function load(name: string): unknown {
  if (!cache.has(name)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, like the build
    const mod = require(`@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`) as { default: unknown };
    cache.set(name, mod.default);
  }
  return cache.get(name);
}

module.exports = new Proxy(
  {},
  {
    get: (_target, name) => {
      if (name === '__esModule') return true;
      if (typeof name !== 'string' || !/^[A-Z]/.test(name)) return undefined;
      return load(name);
    },
  },
);
