import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { resetTaroMock } from '../../../../../../../tests/helpers/taro-mock';
import { expectEveryFieldNamedByItsLabel } from '../../../../../../../tests/helpers/labelled-fields';
import { serveAsStaff } from '../../../../../../../tests/helpers/staff-session';
import { typeInto } from '../../../../../../../tests/helpers/type-into';
import { resetMeStore } from '../../../../../services/me';
import { resetSessionCache } from '../../../../../services/session';
import StaffVisitIntervalsPage from './index';

const PATH = '/community/anjuyuan/visit-intervals';

beforeEach(() => {
  resetTaroMock();
  resetSessionCache();
  resetMeStore();
});

describe('探访间隔', () => {
  it('labels each tag’s field with its unit 天 and shows what is set', async () => {
    serveAsStaff({ [`GET ${PATH}`]: { intervals: { 独居: 3 } } });
    render(<StaffVisitIntervalsPage />);
    await screen.findByText('各标签多少天探访一次');

    const fields = expectEveryFieldNamedByItsLabel(document);

    expect(fields.map((f) => f.name)).toEqual(['独居老人（天）', '高龄老人（天）', '低保老人（天）', '残疾老人（天）']);
    expect(screen.getAllByText('不填按 7 天')).toHaveLength(2);
  });

  it('refuses 0 days before sending, then saves whole days and leaves empty tags out', async () => {
    const sent = serveAsStaff({
      [`GET ${PATH}`]: { intervals: {} },
      [`PUT ${PATH}`]: (r: { data: unknown }) => r.data,
    });
    render(<StaffVisitIntervalsPage />);
    await screen.findByText('各标签多少天探访一次');

    typeInto('独居老人（天）', '0');
    fireEvent.click(screen.getByText('保存'));
    expect(await screen.findByText('独居老人的间隔请填 1 到 90 之间的整数天')).toBeTruthy();
    expect(sent.filter((r) => r.method === 'PUT')).toEqual([]);

    typeInto('独居老人（天）', '3');
    typeInto('低保老人（天）', '14');
    fireEvent.click(screen.getByText('知道了'));
    fireEvent.click(screen.getByText('保存'));

    await waitFor(() =>
      expect(sent.find((r) => r.method === 'PUT')?.data).toEqual({ intervals: { 独居: 3, 低保: 14 } }),
    );
  });
});
