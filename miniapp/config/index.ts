import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const repoRoot = path.resolve(__dirname, '..', '..');
const sharedSrc = path.join(repoRoot, 'shared', 'src');

/** Base URL of the API for mini-program builds; H5 talks to its own origin under /api. */
const apiUrl = process.env.LINLI_API_URL ?? 'http://127.0.0.1:3001';

/**
 * Whether the login page offers the local stack's demo users (dev:<name> codes) besides WeChat.
 * LINLI_DEV_LOGIN=1 or 0 decides; by default only builds that call a loopback API offer them.
 */
const devLogin =
  process.env.LINLI_DEV_LOGIN !== undefined
    ? process.env.LINLI_DEV_LOGIN === '1'
    : /^https?:\/\/(127\.0\.0\.1|localhost)(:|\/|$)/.test(apiUrl);

// https://docs.taro.zone/docs/next/config-detail
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli',
    date: '2026-11-21',
    // NutUI React is drawn on a 375 design; our own styles use Taro's 750 design.
    designWidth(input) {
      const file = typeof input === 'object' && input !== null ? (input as { file?: string }).file : undefined;
      if (file?.replace(/\\+/g, '/').includes('@nutui')) return 375;
      return 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV ?? 'weapp'}`,
    // role and aria-* reach the weapp templates (WeChat reads aria-role / aria-label).
    plugins: [path.join(__dirname, 'weapp-aria.ts')],
    defineConstants: {
      LINLI_API_URL: JSON.stringify(apiUrl),
      LINLI_DEV_LOGIN: JSON.stringify(devLogin),
      // {"seat":"<template id>", …} from the mini-program console; empty means in-app only.
      LINLI_WECHAT_TEMPLATE_IDS: process.env.LINLI_WECHAT_TEMPLATE_IDS ?? '{}',
    },
    alias: {
      '@linli/shared$': path.join(sharedSrc, 'index.ts'),
      '@linli/shared': sharedSrc,
    },
    // sitemap.json keeps personal pages out of WeChat search; only the weapp build needs it.
    copy: {
      patterns: process.env.TARO_ENV === 'weapp' ? [{ from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' }] : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // shared/src sits outside sourceRoot; Taro only compiles sourceRoot and taro packages by default.
      compile: { include: [sharedSrc] },
      // Component stylesheets never style each other's classes, so their order across chunks is free.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedSrc] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
