import { act, fireEvent, render, screen } from '@testing-library/react';
import { community } from '../../../../../../tests/helpers/council-fixtures';
import { me, memberCard } from '../../../../../../tests/helpers/miniapp-fixtures';
import { signedInAs } from '../../../../../../tests/helpers/signed-in';
import CareTagsPage from './index';
import { resetClientState } from '../../../../../../tests/helpers/client-state';

const staff = me({ name: '刘晶', grants: [{ role: 'staff', communityId: 'anjuyuan' }], member: null });
const li = memberCard({ memberId: 'm-li', realName: '李秀英', age: 86, hasWeChat: false });

beforeEach(() => {
  resetClientState();
});

describe('关怀标签 page', () => {
  it('ticks tags on a member and saves exactly those', async () => {
    const sent = signedInAs(
      staff,
      {
        'GET /community/anjuyuan': community,
        'GET /community/anjuyuan/members': { members: [li] },
        'GET /community/anjuyuan/member-tags': {
          members: [{ memberId: 'm-li', realName: '李秀英', buildingName: '1号楼', unitName: '1单元', tags: ['高龄'] }],
        },
        'PUT /community/anjuyuan/members/m-li/tags': {
          memberId: 'm-li',
          realName: '李秀英',
          buildingName: '1号楼',
          unitName: '1单元',
          tags: ['高龄', '独居'],
        },
      },
      '刘晶',
    );

    render(<CareTagsPage />);

    expect(await screen.findByText('李秀英 · 1号楼1单元：高龄')).toBeTruthy();
    const aged = await screen.findByRole('checkbox', { name: '高龄' });
    expect(aged.getAttribute('aria-checked')).toBe('true');
    expect(screen.queryByText('保存标签')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: '独居' }));
    fireEvent.click(screen.getByText('保存标签'));
    await act(async () => {});

    expect(sent.filter((s) => s.method === 'PUT').map((s) => s.data)).toEqual([{ tags: ['高龄', '独居'] }]);
  });
});
