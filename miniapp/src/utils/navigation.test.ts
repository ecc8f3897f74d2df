import { navigateTo, resetTaroMock, switchTab } from '../../../tests/helpers/taro-mock';
import { openPage } from './navigation';

beforeEach(() => resetTaroMock());

describe('opening a page by its path (a message’s link)', () => {
  it('switches tabs for a tab page, without the query switchTab cannot carry', async () => {
    expect(await openPage('/pages/mine/index')).toBe(true);
    expect(await openPage('/pages/council/index?from=message')).toBe(true);

    expect(switchTab.mock.calls).toEqual([[{ url: '/pages/mine/index' }], [{ url: '/pages/council/index' }]]);
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it('navigates to a subpackage page with its query', async () => {
    const link = '/packages/council/session/index?communityId=anjuyuan&sessionId=01JD5Q';

    expect(await openPage(link)).toBe(true);

    expect(navigateTo).toHaveBeenCalledWith({ url: link });
    expect(switchTab).not.toHaveBeenCalled();
  });

  it('accepts a path without its leading slash', async () => {
    await openPage('pages/mine/index');
    await openPage('packages/council/bookings/index');

    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' });
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/council/bookings/index' });
  });

  it('resolves false when the page cannot be opened', async () => {
    navigateTo.mockImplementationOnce(() => Promise.reject(new Error('navigateTo:fail page not found')));

    expect(await openPage('/packages/nowhere/index')).toBe(false);
  });
});
