import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { resetTaroMock, showModal } from '../../../../../../../tests/helpers/taro-mock';
import { expectEveryFieldNamedByItsLabel } from '../../../../../../../tests/helpers/labelled-fields';
import { serveAsStaff } from '../../../../../../../tests/helpers/staff-session';
import { typeInto } from '../../../../../../../tests/helpers/type-into';
import { resetMeStore } from '../../../../../services/me';
import { resetSessionCache } from '../../../../../services/session';
import StaffGridWorkersPage from './index';

const PATH = '/community/anjuyuan/grid-workers';
const WORKER = {
  userId: 'u-zhao',
  memberId: 'm-zhao',
  name: '赵网格',
  buildingName: '3号楼',
  grids: [{ gridId: 'g1', name: '第一网格' }],
  appointedAt: '2026-12-01T02:00:00.000Z',
  appointedByName: '刘晶',
};
const LIST = {
  workers: [WORKER],
  grids: [
    { gridId: 'g1', name: '第一网格' },
    { gridId: 'g2', name: '第二网格' },
  ],
  candidates: [
    { memberId: 'm-zhang', name: '张伟', buildingName: '5号楼', unitName: '1单元' },
    { memberId: 'm-wang', name: '王桂芳', buildingName: '1号楼', unitName: '1单元' },
  ],
};

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
});

describe('网格员', () => {
  it('finds a resident by name, picks two grids and appoints them', async () => {
    const sent = serveAsStaff({
      [`GET ${PATH}`]: LIST,
      [`POST ${PATH}`]: { ...WORKER, name: '张伟', memberId: 'm-zhang', userId: 'u-zhang' },
    });
    render(<StaffGridWorkersPage />);
    await screen.findByText('现任网格员');

    expect(expectEveryFieldNamedByItsLabel(document).map((f) => f.name)).toEqual(['居民姓名']);
    typeInto('居民姓名', '张');
    fireEvent.click(screen.getByRole('radio', { name: '张伟 5号楼 1单元' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '第一网格' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '第二网格' }));
    fireEvent.click(screen.getByText('任命'));

    await waitFor(() =>
      expect(sent.find((r) => r.method === 'POST')?.data).toEqual({ memberId: 'm-zhang', gridIds: ['g1', 'g2'] }),
    );
  });

  it('asks for a person before appointing, and removes a grid worker after confirming', async () => {
    const sent = serveAsStaff({ [`GET ${PATH}`]: LIST, [`POST ${PATH}/u-zhao/remove`]: { removed: WORKER } });
    render(<StaffGridWorkersPage />);
    await screen.findByText('赵网格（3号楼）');

    fireEvent.click(screen.getByText('任命'));
    expect(await screen.findByText('请先按姓名找到并选择一位居民')).toBeTruthy();
    fireEvent.click(screen.getByText('免去'));

    await waitFor(() => expect(sent.some((r) => r.path === `${PATH}/u-zhao/remove`)).toBe(true));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '免去网格员' }));
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
