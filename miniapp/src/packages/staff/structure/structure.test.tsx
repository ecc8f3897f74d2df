import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { resetTaroMock, setStorageSync, showModal } from '../../../../../tests/helpers/taro-mock';
import { serveApi } from '../../../../../tests/helpers/miniapp-api';
import { accessTokenWith, newcomer } from '../../../../../tests/helpers/miniapp-fixtures';
import { typeInto } from '../../../../../tests/helpers/type-into';
import { TOKEN_STORAGE_KEY } from '../../../services/api';
import { resetMeStore, type Me } from '../../../services/me';
import { REFRESH_TOKEN_STORAGE_KEY, resetSessionCache, USER_ID_STORAGE_KEY } from '../../../services/session';
import StaffStructurePage from './index';

const staff = newcomer({ name: '刘晶', grants: [{ role: 'staff', communityId: 'c1' }] });
const building = (id: string, name: string, members: number, over: object = {}) => ({
  id,
  gridId: 'g1',
  name,
  address: '安居路',
  households: 40,
  leader: '王大爷',
  order: 1,
  retired: false,
  version: 2,
  members,
  units: [{ id: 'u1', name: '1单元', retired: false, members }],
  ...over,
});
const structure = {
  communityId: 'c1',
  communityName: '安居苑社区',
  grids: [
    { id: 'g1', name: '第一网格', leader: '丁玉梅', leaderPhone: '13900001111', order: 1, retired: false, version: 0 },
    { id: 'g2', name: '第二网格', order: 2, retired: false, version: 0 },
  ],
  buildings: [building('b1', '1号楼', 12), building('b9', '9号楼', 0)],
};

function signedInAs(answer: Me, routes: Record<string, object>) {
  setStorageSync(TOKEN_STORAGE_KEY, accessTokenWith(answer.grants));
  setStorageSync(REFRESH_TOKEN_STORAGE_KEY, 'refresh');
  setStorageSync(USER_ID_STORAGE_KEY, answer.userId);
  resetSessionCache();
  return serveApi({ 'GET /me': answer, 'GET /community/c1/structure': structure, ...routes });
}

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
});

describe('社区结构', () => {
  it('shows grids with their worker and buildings with households, 楼栋长 and members', async () => {
    signedInAs(staff, {});

    render(<StaffStructurePage />);

    const grid = await screen.findByRole('group', { name: '第一网格' });
    expect(within(grid).getByText('网格员 丁玉梅 · 13900001111')).toBeTruthy();
    const building = within(grid).getByRole('group', { name: '1号楼' });
    for (const fact of ['安居路', '40 户', '1 个单元', '楼栋长 王大爷', '12 位居民登记']) {
      expect(within(building).getByText(fact)).toBeTruthy();
    }
  });

  it('retires (never deletes) a building where members live, after saying why', async () => {
    const sent = signedInAs(staff, {
      'PATCH /community/c1/buildings/b1': building('b1', '1号楼', 12, { retired: true }),
    });

    render(<StaffStructurePage />);

    const row = await screen.findByRole('group', { name: '1号楼' });
    fireEvent.click(within(row).getByText('停用'));
    await waitFor(() => expect(sent.some((r) => r.method === 'PATCH')).toBe(true));
    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining('12 位居民登记，不能删除') }),
    );
    expect(sent.find((r) => r.method === 'PATCH')!.data).toEqual({ expectedVersion: 2, retired: true });
    expect(sent.some((r) => r.method === 'DELETE')).toBe(false);
  });

  it('deletes an empty building with the version it showed', async () => {
    const sent = signedInAs(staff, { 'DELETE /community/c1/buildings/b9': { deleted: 'b9' } });

    render(<StaffStructurePage />);

    fireEvent.click(within(await screen.findByRole('group', { name: '9号楼' })).getByText('删除'));
    await waitFor(() => expect(sent.some((r) => r.method === 'DELETE')).toBe(true));
    expect(sent.find((r) => r.method === 'DELETE')!.query.get('expectedVersion')).toBe('2');
  });

  it('renames a building with the version it was based on', async () => {
    const sent = signedInAs(staff, { 'PATCH /community/c1/buildings/b1': building('b1', '一号楼', 12) });

    render(<StaffStructurePage />);

    fireEvent.click(within(await screen.findByRole('group', { name: '1号楼' })).getByText('修改'));
    typeInto('楼栋名称', '一号楼');
    fireEvent.click(screen.getByText('保存楼栋'));
    await waitFor(() => expect(sent.some((r) => r.method === 'PATCH')).toBe(true));
    expect(sent.find((r) => r.method === 'PATCH')!.data).toEqual({
      expectedVersion: 2,
      name: '一号楼',
      address: '安居路',
      households: 40,
      leader: '王大爷',
    });
  });

  it('moves a grid down by sending the whole new order', async () => {
    const sent = signedInAs(staff, { 'PUT /community/c1/structure/order': structure });

    render(<StaffStructurePage />);

    fireEvent.click(within(await screen.findByRole('group', { name: '第一网格' })).getAllByText('下移')[0]!);
    await waitFor(() => expect(sent.some((r) => r.method === 'PUT')).toBe(true));
    expect(sent.find((r) => r.method === 'PUT')!.data).toEqual({ kind: 'grids', ids: ['g2', 'g1'] });
  });

  it('adds a grid with its worker and phone', async () => {
    const sent = signedInAs(staff, {
      'POST /community/c1/grids': {
        status: 201,
        body: { id: 'g3', name: '第三网格', order: 3, retired: false, version: 0 },
      },
    });

    render(<StaffStructurePage />);
    await screen.findByRole('group', { name: '添加网格' });
    const form = screen.getByRole('group', { name: '添加网格' });
    typeInto('网格名称', '第三网格');
    typeInto('网格员姓名', '马玉兰');
    typeInto('网格员电话', '13900002222');
    fireEvent.click(within(form).getByText('添加网格'));
    await waitFor(() => expect(sent.some((r) => r.method === 'POST')).toBe(true));
    expect(sent.find((r) => r.method === 'POST')!.data).toEqual({
      name: '第三网格',
      leader: '马玉兰',
      leaderPhone: '13900002222',
    });
  });
});
