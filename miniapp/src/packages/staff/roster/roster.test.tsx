import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { makePhoneCall, resetTaroMock } from '../../../../../tests/helpers/taro-mock';
import { expectEveryFieldNamedByItsLabel } from '../../../../../tests/helpers/labelled-fields';
import { serveAsStaff } from '../../../../../tests/helpers/staff-session';
import { resetMeStore } from '../../../services/me';
import { pickFile } from '../../../services/privacy-apis';
import { resetSessionCache } from '../../../services/session';
import StaffRosterListPage from './list/index';
import StaffRosterPage from './index';

jest.mock('../../../services/privacy-apis', () => ({
  ...jest.requireActual('../../../services/privacy-apis'),
  pickFile: jest.fn(),
}));
const picked = pickFile as jest.MockedFunction<typeof pickFile>;

const PREVIEW = 'POST /community/anjuyuan/roster/imports';
const CONFIRM = 'POST /community/anjuyuan/roster/imports/Rabc/confirm';
const job = (over: object = {}) => ({
  importId: 'Rabc',
  communityId: 'anjuyuan',
  fileName: '台账.csv',
  status: 'previewed',
  counts: { create: 1, update: 1, unchanged: 0, refused: 1 },
  rowsToWrite: 2,
  rowsWritten: 0,
  createdAt: '2026-12-04T01:00:00.000Z',
  expiresAt: '2026-12-05T01:00:00.000Z',
  ...over,
});
const row = (line: number, outcome: string, over: object = {}) => ({
  line,
  outcome,
  building: '1号楼',
  unit: '1单元',
  room: '302',
  name: '王桂芳',
  tags: [],
  ...over,
});
const preview = {
  import: job(),
  ignoredColumns: ['备注'],
  rows: [
    row(2, 'create', { phoneMasked: '138****5678', tags: ['独居'] }),
    row(3, 'update', { name: '李秀英', changes: ['手机'] }),
    row(4, 'refused', { building: '9号楼', name: '张三', reason: '未知楼栋「9号楼」', reasonCode: 'UNKNOWN_BUILDING' }),
  ],
};

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
  picked.mockResolvedValue({ name: '台账.csv', size: 120, base64: 'YWJj' });
});

describe('导入居民台账', () => {
  it('says which columns a roster needs before anything is chosen', async () => {
    serveAsStaff({});
    render(<StaffRosterPage />);
    expect(await screen.findByText('必填：楼栋、单元、房号、姓名')).toBeTruthy();
    expect(screen.getByText(/选填：出生日期/)).toBeTruthy();
  });

  it('previews a chosen file with refused rows and their reasons first, then the other groups', async () => {
    const sent = serveAsStaff({ [PREVIEW]: preview });
    render(<StaffRosterPage />);

    fireEvent.click(await screen.findByText('选择台账文件'));

    expect(await screen.findByText('未知楼栋「9号楼」')).toBeTruthy();
    expect(sent.find((r) => r.path.endsWith('/roster/imports'))?.data).toEqual({
      fileName: '台账.csv',
      contentBase64: 'YWJj',
    });
    expect(screen.getByRole('radio', { name: '拒绝 1' }).getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText(/已忽略：备注/)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '更新 1' }));
    expect(screen.getByText('改动：手机')).toBeTruthy();
    expect(screen.queryByText('未知楼栋「9号楼」')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: '新增 1' }));
    expect(screen.getByText(/138\*\*\*\*5678/)).toBeTruthy();
  });

  it('confirms, confirms again while the import reports it was interrupted, and shows the result', async () => {
    let confirms = 0;
    const sent = serveAsStaff({
      [PREVIEW]: preview,
      [CONFIRM]: () => {
        confirms += 1;
        return confirms === 1
          ? job({ status: 'interrupted', rowsWritten: 1 })
          : job({ status: 'done', rowsWritten: 2, finishedAt: '2026-12-04T01:01:00.000Z' });
      },
    });
    render(<StaffRosterPage />);
    fireEvent.click(await screen.findByText('选择台账文件'));
    fireEvent.click(await screen.findByText('确认导入 2 行'));

    expect(await screen.findByText('导入完成')).toBeTruthy();
    expect(screen.getByText('已写入 2 / 2 行')).toBeTruthy();
    expect(sent.filter((r) => r.path.endsWith('/confirm'))).toHaveLength(2);
    expect(screen.queryByText(/确认导入/)).toBeNull();
  });

  it('keeps the server’s refusal of a file on screen until it is read', async () => {
    serveAsStaff({
      [PREVIEW]: {
        status: 400,
        body: {
          error: { code: 'ROSTER_COLUMNS_MISSING', message: '表格缺少必需的列：房号', details: { missing: ['房号'] } },
        },
      },
    });
    render(<StaffRosterPage />);
    fireEvent.click(await screen.findByText('选择台账文件'));
    expect(await screen.findByText('表格缺少必需的列：房号')).toBeTruthy();
    fireEvent.click(screen.getByText('知道了'));
    await waitFor(() => expect(screen.queryByText('表格缺少必需的列：房号')).toBeNull());
  });

  it('refuses a file over 2 MB before sending it', async () => {
    const sent = serveAsStaff({ [PREVIEW]: preview });
    picked.mockResolvedValue({ name: '大.csv', size: 3 * 1024 * 1024, base64: '' });
    render(<StaffRosterPage />);
    fireEvent.click(await screen.findByText('选择台账文件'));
    await waitFor(() => expect(picked).toHaveBeenCalled());
    expect(sent.some((r) => r.path.endsWith('/roster/imports'))).toBe(false);
  });
});

describe('居民台账', () => {
  it('searches by building, room and name with labelled fields, and shows phones masked', async () => {
    const sent = serveAsStaff({
      'GET /community/anjuyuan': {
        id: 'anjuyuan',
        name: '安居苑社区',
        city: '银川市',
        district: '金凤区',
        address: '',
        grids: [
          {
            id: 'g1',
            name: '第一网格',
            buildings: [{ id: 'b1', gridId: 'g1', name: '1号楼', address: '', households: 1, units: [] }],
          },
        ],
      },
      'GET /community/anjuyuan/roster': {
        people: [
          {
            personId: 'p1',
            buildingId: 'b1',
            buildingName: '1号楼',
            unitId: 'u1',
            unitName: '1单元',
            room: '302',
            name: '王桂芳',
            phoneMasked: '138****5678',
            tags: ['独居'],
            updatedAt: '2026-12-04T01:00:00.000Z',
          },
        ],
        truncated: false,
        total: 1,
      },
      'POST /community/anjuyuan/roster/people/p1/phone': { name: '王桂芳', phone: '13812345678' },
    });
    const { container } = render(<StaffRosterListPage />);
    expect(await screen.findByText('王桂芳')).toBeTruthy();
    expect(screen.getByText(/138\*\*\*\*5678/)).toBeTruthy();
    expect(screen.getByText('未认证')).toBeTruthy();
    expect(expectEveryFieldNamedByItsLabel(container).map((f) => f.label)).toEqual(['房号', '姓名']);
    fireEvent.click(screen.getByText('打电话给王桂芳'));
    await waitFor(() => expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13812345678' }));
    fireEvent.click(await screen.findByRole('radio', { name: '1号楼' }));
    await waitFor(() =>
      expect(sent.some((r) => r.path === '/community/anjuyuan/roster' && r.query.get('buildingId') === 'b1')).toBe(
        true,
      ),
    );
  });
});
