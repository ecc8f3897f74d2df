import { fireEvent, render, screen, within } from '@testing-library/react';
import { redirectTo } from '../../../../../tests/helpers/taro-mock';
import { community } from '../../../../../tests/helpers/council-fixtures';
import { memberCard } from '../../../../../tests/helpers/miniapp-fixtures';
import { serveAsStaff } from '../../../../../tests/helpers/staff-session';
import { readActingFor } from '../../../services/acting-for';
import StaffCanteenOrderForPage from '../canteen/order-for/index';
import StaffPostWishForPage from '../care/post-for/index';
import { resetClientState } from '../../../../../tests/helpers/client-state';

const wang = memberCard({ memberId: 'm-wang', realName: '王建国', age: 70, hasWeChat: true });
const li = memberCard({ memberId: 'm-li', realName: '李秀英', age: 86, hasWeChat: false });

beforeEach(() => {
  resetClientState();
});

function serveMembers() {
  return serveAsStaff({
    'GET /community/anjuyuan': community,
    'GET /community/anjuyuan/members': { members: [wang, li] },
  });
}

/** The cards in page order: each member's name, WeChat badge and action. */
async function cards(action: RegExp) {
  const buttons = await screen.findAllByText(action);
  return buttons.map((b) => b.closest('.member-card') ?? b);
}

describe.each([
  ['电话代订', () => <StaffCanteenOrderForPage />, /^为.+订餐$/, '为李秀英订餐', '/packages/canteen/menu/index?'],
  ['代居民许心愿', () => <StaffPostWishForPage />, /^为.+许心愿$/, '为李秀英许心愿', '/packages/care/post/index'],
])('%s', (_page, page, action, liAction, target) => {
  it('lists the first building’s members without WeChat first, and acts for the one staff pick', async () => {
    const sent = serveMembers();
    render(page());

    const shown = await cards(action);
    expect(shown.map((card) => within(card as HTMLElement).getByText(action).textContent)).toEqual([
      liAction,
      liAction.replace('李秀英', '王建国'),
    ]);
    expect(within(shown[0] as HTMLElement).getByText('无微信')).toBeTruthy();
    expect(within(shown[1] as HTMLElement).getByText('已用微信')).toBeTruthy();
    // Before the community is known the page asks for everyone; then for the first building.
    const asked = sent.filter((r) => r.path === '/community/anjuyuan/members').map((r) => r.query.get('buildingId'));
    expect(asked.at(-1)).toBe('b1');

    fireEvent.click(screen.getByText(liAction));

    expect(readActingFor()?.memberId).toBe('m-li');
    expect((redirectTo.mock.calls as unknown[][])[0]![0]).toMatchObject({ url: expect.stringContaining(target) });
  });
});
