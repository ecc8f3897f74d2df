/**
 * Draws the app's icons: the tab bar's (WeChat wants PNG files, 81×81 px, at most 40 KB each, one
 * grey and one brand-green per tab) and the service tiles' (96×96 px, brand green). The shapes are NutUI's own icon set (@nutui/icons-react-taro, MIT,
 * installed with NutUI), recoloured and rasterised by the same Chromium the browser tests use,
 * so `npm run icons` redraws the committed PNGs exactly from their source.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../tests/e2e/browser';

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'miniapp', 'src', 'assets', 'tabbar');
const TILE_DIR = path.join(ROOT, 'miniapp', 'src', 'assets', 'icons');
const ICON_DIR = path.join(ROOT, 'node_modules', '@nutui', 'icons-react-taro', 'dist', 'es', 'icons');

/** Tab → NutUI icon; colours as in app.config.ts's tabBar (color, selectedColor). */
const TABS = { home: 'Home', council: 'Comment', canteen: 'Order', points: 'Gift', mine: 'User' } as const;
const COLORS = { '': '#4b5563', '-active': '#0f6e3f' } as const;
const SIZE = 81;

/** Service tile → NutUI icon (the names ENTRY_ICONS in components/entry-card/icons.ts uses). */
const TILES = {
  calendar: 'Clock',
  canteen: 'Order',
  category: 'Category',
  council: 'Comment',
  delivery: 'Transit',
  edit: 'Edit',
  figures: 'Articles',
  gift: 'Gift',
  home: 'Home',
  key: 'ShieldCheck',
  ledger: 'Articles',
  list: 'List',
  mail: 'Mail',
  members: 'User',
  message: 'Message',
  notice: 'Notice',
  partner: 'Heart',
  receipt: 'Prices',
  register: 'Edit',
  report: 'List2',
  setting: 'Setting',
  star: 'Star',
  store: 'Store',
  ticket: 'Coupon',
  verify: 'ShieldCheck',
  volunteer: 'UserAdd',
} as const;
const TILE_SIZE = 96;
const TILE_COLOR = '#0f6e3f';
const MAX_BYTES = 40 * 1024;

/** The icon's SVG source, as NutUI ships it (a base64 data URL in its component). */
function nutuiSvg(icon: string): string {
  const source = readFileSync(path.join(ICON_DIR, `${icon}.js`), 'utf8');
  const match = /svg64: "data:image\/svg\+xml;base64,([^"]+)"/.exec(source);
  if (!match) throw new Error(`no SVG in NutUI's ${icon} icon`);
  return Buffer.from(match[1]!, 'base64').toString('utf8');
}

/** Rasterises one NutUI icon in `color`, centred in a transparent square of `size` px. */
async function draw(page: Page, icon: string, color: string, size: number, file: string): Promise<void> {
  const svg = nutuiSvg(icon).replace(/fill="#[0-9a-fA-F]{3,6}"/g, `fill="${color}"`);
  const inner = Math.round(size * 0.74);
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><div style="width:${size}px;height:${size}px;display:flex;align-items:center;justify-content:center">` +
      svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `) +
      '</div></body></html>',
  );
  writeFileSync(file, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
  const bytes = statSync(file).size;
  if (bytes > MAX_BYTES) throw new Error(`${file} is ${bytes} bytes; WeChat allows ${MAX_BYTES}`);
  console.log(`${path.relative(ROOT, file)} ${bytes} bytes`);
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox'] });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [tab, icon] of Object.entries(TABS)) {
    for (const [suffix, color] of Object.entries(COLORS)) {
      await draw(page, icon, color, SIZE, path.join(OUT_DIR, `${tab}${suffix}.png`));
    }
  }
  for (const [tile, icon] of Object.entries(TILES)) {
    await draw(page, icon, TILE_COLOR, TILE_SIZE, path.join(TILE_DIR, `${tile}.png`));
  }
  await browser.close();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
