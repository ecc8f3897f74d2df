import Taro from '@tarojs/taro';
import { TAB_PAGES } from '../constants';

/** Back to the page that opened this one, or to 我的 when there is none (opened by a link). */
export function goBackOrMine(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: TAB_PAGES.mine });
}

const TAB_PATHS: readonly string[] = Object.values(TAB_PAGES);

/**
 * Opens a page of the mini-program by its path, e.g. a message's link: tab pages with switchTab
 * (which takes no query, so it is dropped), every other page with navigateTo. Resolves false
 * when the page could not be opened (unknown page, page stack full).
 */
export async function openPage(url: string): Promise<boolean> {
  const target = url.startsWith('/') ? url : `/${url}`;
  const path = target.split('?')[0]!;
  try {
    if (TAB_PATHS.includes(path)) await Taro.switchTab({ url: path });
    else await Taro.navigateTo({ url: target });
    return true;
  } catch {
    return false;
  }
}
