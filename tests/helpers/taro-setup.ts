// Taro build-time constants for component tests. The weapp/H5 builds define these through
// webpack's DefinePlugin; @tarojs/runtime and @tarojs/components read them as globals.
const constants: Record<string, unknown> = {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: true,
  DEPRECATED_ADAPTER_COMPONENT: false,
  // Our own constant (miniapp/config/index.ts defineConstants).
  LINLI_API_URL: 'http://api.test',
  LINLI_DEV_LOGIN: false,
  LINLI_WECHAT_TEMPLATE_IDS: {},
};
Object.assign(globalThis, constants);

process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';

// jsdom has no 2d canvas: answer no context, as a browser without one would, so charts show
// only their text summary and jsdom does not log an error for every chart rendered.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
