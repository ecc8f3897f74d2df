import Taro from '@tarojs/taro';
import { TAB_PAGES } from '../constants';

/** Back to the page that opened this one, or to 我的 when there is none (opened by a link). */
export function goBackOrMine(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: TAB_PAGES.mine });
}
