import { render, screen } from '@testing-library/react';
import { resetTaroMock } from '../../../../tests/helpers/taro-mock';
import { Chart } from './index';
import { describeChart, seriesOf } from './spec';

beforeEach(() => resetTaroMock());

describe('chart figures in words', () => {
  it('totals each series and names its peak', () => {
    const rows = [
      { x: '1日', y: 3, series: '发放' },
      { x: '1日', y: 1, series: '兑换' },
      { x: '2日', y: 5, series: '发放' },
      { x: '2日', y: 0, series: '兑换' },
    ];
    expect(seriesOf(rows)).toEqual(['发放', '兑换']);
    expect(describeChart(rows, '积分')).toBe('发放 8积分，最高 2日（5积分）；兑换 1积分，最高 1日（1积分）');
  });

  it('reads a single series as a total, and says so when there is nothing yet', () => {
    expect(describeChart([{ x: '周一', y: 2 }], '份')).toBe('合计 2份，最高 周一（2份）');
    expect(describeChart([{ x: '周一', y: 0 }], '份')).toBe('合计 0份');
    expect(describeChart([], '份')).toBe('暂无数据');
  });
});

describe('Chart', () => {
  it('shows its title, a canvas and the summary line', () => {
    render(<Chart kind="bar" unit="份" title="每日供餐" rows={[{ x: '3日', y: 40 }]} />);
    expect(screen.getByText('每日供餐')).toBeTruthy();
    expect(screen.getByTestId('chart-summary').textContent).toBe('合计 40份，最高 3日（40份）');
    expect(document.querySelector('.chart__canvas')).not.toBeNull();
  });

  it('draws nothing and says 暂无数据 for an empty month', () => {
    render(<Chart kind="line" unit="份" rows={[]} />);
    expect(document.querySelector('.chart__canvas')).toBeNull();
    expect(screen.getAllByText('暂无数据')).toHaveLength(2);
  });
});
