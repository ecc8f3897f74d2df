import Taro from '@tarojs/taro';
import { Button } from '@tarojs/components';
import { copyToClipboard } from '../../services/privacy-apis';
import { h5ShareUrl, type ShareCard } from '../../services/share';
import './index.css';

/**
 * A visible 分享 button (older residents rarely find WeChat's ··· menu). In WeChat it opens the
 * share sheet with the page's card (useShareCard); in a browser it copies the page's link.
 */
export function ShareButton({ card, label = '分享给邻居' }: { card: ShareCard; label?: string }) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Button className="share-button" openType="share">
        {label}
      </Button>
    );
  }
  const copy = async () => {
    try {
      await copyToClipboard(h5ShareUrl(card, window.location));
      void Taro.showToast({ title: '链接已复制，可以发给邻居', icon: 'none', duration: 2500 });
    } catch {
      // Declined the privacy guide: its toast said why nothing was copied.
    }
  };
  return (
    <Button className="share-button" onClick={() => void copy()}>
      {label}
    </Button>
  );
}
