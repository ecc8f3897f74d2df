import { useShareAppMessage } from '@tarojs/taro';
import type { ShareCard } from '../services/share';

/**
 * Declares the page's share card (转发给朋友 and the 分享 button); the page config needs
 * `enableShareAppMessage: true`. Without a card WeChat shares the page as it is.
 */
export function useShareCard(card: ShareCard | undefined): void {
  useShareAppMessage(() => (card ? { title: card.title, path: card.path } : {}));
}
