import { act, fireEvent, render, screen } from '@testing-library/react';
import {
  setClipboardData,
  setStorageSync,
  showToast,
  useShareAppMessage,
} from '../../../../../tests/helpers/taro-mock';
import { serveApi } from '../../../../../tests/helpers/miniapp-api';
import { community } from '../../../../../tests/helpers/council-fixtures';
import { detail } from '../../../../../tests/helpers/agenda-fixtures';
import { accessTokenWith, me } from '../../../../../tests/helpers/miniapp-fixtures';
import { TOKEN_STORAGE_KEY } from '../../../services/api';
import { communityFromLaunch } from '../../../services/current-community';
import { resetConsentSheet } from '../../../services/privacy-consent';
import { REFRESH_TOKEN_STORAGE_KEY, resetSessionCache, USER_ID_STORAGE_KEY } from '../../../services/session';
import TopicPage from './index';
import { resetClientState } from '../../../../../tests/helpers/client-state';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  ...jest.requireActual('../../../../../tests/helpers/taro-mock'),
  useRouter: () => ({ params: { communityId: 'anjuyuan', topicId: 'topic-1' }, path: '' }),
}));

const DETAIL = 'GET /community/anjuyuan/topics/topic-1';
const DONE = { status: 'done' as const, doneAt: '2026-11-21T01:30:00.000Z', decision: { text: '物业本周内更换灯具' } };

function showTopic(topicOver: object) {
  const answer = me();
  setStorageSync(TOKEN_STORAGE_KEY, accessTokenWith(answer.grants));
  setStorageSync(REFRESH_TOKEN_STORAGE_KEY, 'refresh');
  setStorageSync(USER_ID_STORAGE_KEY, answer.userId);
  resetSessionCache();
  serveApi({
    'GET /me': answer,
    'GET /community/anjuyuan': community,
    [DETAIL]: detail({}, topicOver),
    'POST /me/privacy-consent': { version: '2026-12-04', platform: 'h5', agreedAt: '2026-12-04T02:00:00.000Z' },
  });
  render(<TopicPage />);
}

/** The card the page declared last through useShareAppMessage. */
function sharedCard(): { title?: string; path?: string } {
  const calls = useShareAppMessage.mock.calls;
  return (calls[calls.length - 1]![0] as () => { title?: string; path?: string })();
}

beforeEach(() => {
  resetClientState();
  resetConsentSheet();
});

describe('sharing a finished topic (晒事栏)', () => {
  it('shares a card that opens the topic in its community', async () => {
    showTopic(DONE);

    expect(await screen.findByText('分享到邻里群')).toBeTruthy();
    const card = sharedCard();
    expect(card.title).toBe('晒事栏：1号楼楼道灯不亮（已办结）');
    expect(card.path).toBe('/packages/agenda/topic/index?communityId=anjuyuan&topicId=topic-1&community=anjuyuan');
    // Opened from the card, the app chooses the community the way a poster link does.
    const query = Object.fromEntries(new URLSearchParams(card.path!.split('?')[1]));
    expect(communityFromLaunch(query)).toBe('anjuyuan');
  });

  it('copies the link on H5 once the privacy guide is agreed to', async () => {
    showTopic(DONE);
    fireEvent.click(await screen.findByText('分享到邻里群'));

    expect(await screen.findByRole('dialog', { name: '邻里隐私保护提示' })).toBeTruthy();
    expect(setClipboardData).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(screen.getByText('同意并继续'));
    });

    expect(setClipboardData).toHaveBeenCalledWith({
      data: 'http://localhost/#/packages/agenda/topic/index?communityId=anjuyuan&topicId=topic-1&community=anjuyuan',
    });
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '链接已复制，可以发给邻居' }));
  });

  it('offers no share card or button for a topic not finished yet', async () => {
    showTopic({});

    expect(await screen.findByText('1号楼楼道灯不亮')).toBeTruthy();
    expect(screen.queryByText('分享到邻里群')).toBeNull();
    expect(sharedCard()).toEqual({});
  });
});
