import { act, fireEvent, render, screen } from '@testing-library/react';
import { resetTaroMock } from '../../../../../tests/helpers/taro-mock';
import { expectEveryFieldNamedByItsLabel } from '../../../../../tests/helpers/labelled-fields';
import { AgreementForm } from './agreement-form';

/** Taro's H5 inputs report typing as a custom event carrying `detail.value`. */
function typeInto(label: string, value: string) {
  const input = document.querySelector(`taro-input-core[aria-label="${label}"]`)!;
  act(() => {
    input.dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });
}

/** The phone's date wheel reports the chosen day as `detail.value`; pickers in page order. */
function pickDate(index: number, value: string) {
  const picker = document.querySelectorAll('taro-picker-core')[index]!;
  act(() => {
    picker.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  });
}

beforeEach(() => resetTaroMock());

describe('兑换协议 form', () => {
  it('labels every field with what it is and its unit (积分, %), and picks dates on the wheel', () => {
    render(<AgreementForm submitLabel="保存协议" pending={false} onSubmit={jest.fn()} />);
    const names = () => expectEveryFieldNamedByItsLabel(document).map((f) => (f.unit ? f.name : f.label));
    expect(names()).toEqual(['兑换项目', '所需积分（积分）', '生效日期', '截止日期', '每月积分上限（积分）']);

    expect(document.querySelectorAll('.date-field[role="button"]')[1]!.getAttribute('aria-label')).toBe(
      '截止日期：长期有效',
    );

    fireEvent.click(screen.getByRole('radio', { name: /积分抵现/ }));
    expect(names()).toEqual([
      '兑换项目',
      '每元积分（积分）',
      '最多抵扣比例（%）',
      '生效日期',
      '截止日期',
      '每月积分上限（积分）',
    ]);
  });

  it('sends a discount offer with its rate, share, dates and monthly cap', () => {
    const onSubmit = jest.fn();
    render(<AgreementForm submitLabel="保存协议" pending={false} onSubmit={onSubmit} />);

    fireEvent.click(screen.getByRole('radio', { name: /积分抵现/ }));
    typeInto('兑换项目', '购物抵现');
    typeInto('每元积分（积分）', '10');
    typeInto('最多抵扣比例（%）', '50');
    pickDate(0, '2026-12-01');
    pickDate(1, '2027-06-30');
    typeInto('每月积分上限（积分）', '2000');
    fireEvent.click(screen.getByText('保存协议'));

    expect(onSubmit).toHaveBeenLastCalledWith({
      offers: [{ offerId: 'offer-1', kind: 'discount', title: '购物抵现', pointsPerYuan: 10, maxSharePercent: 50 }],
      activeFrom: '2026-12-01',
      activeTo: '2027-06-30',
      monthlyCap: 2000,
    });

    // A chosen end date can be taken back: the agreement then runs with no end.
    fireEvent.click(screen.getByText('改为长期有效'));
    fireEvent.click(screen.getByText('保存协议'));
    expect(onSubmit.mock.calls.at(-1)[0].activeTo).toBeUndefined();
  });

  it('edits the first offer of an agreement and keeps the others', () => {
    const onSubmit = jest.fn();
    const second = { offerId: 'wash', kind: 'fixed' as const, title: '洗头', points: 30 };
    render(
      <AgreementForm
        initial={{
          offers: [{ offerId: 'haircut', kind: 'fixed', title: '理发一次', points: 100 }, second],
          activeFrom: '2026-01-01',
        }}
        submitLabel="保存协议"
        pending={false}
        onSubmit={onSubmit}
      />,
    );

    typeInto('所需积分（积分）', '80');
    fireEvent.click(screen.getByText('保存协议'));

    expect(onSubmit.mock.calls[0][0].offers).toEqual([
      { offerId: 'haircut', kind: 'fixed', title: '理发一次', points: 80 },
      second,
    ]);
  });
});
