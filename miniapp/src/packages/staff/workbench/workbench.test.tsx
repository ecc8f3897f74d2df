import { fireEvent, render, screen } from '@testing-library/react';
import { navigateTo } from '../../../../../tests/helpers/taro-mock';
import { community } from '../../../../../tests/helpers/council-fixtures';
import { serveAsStaff } from '../../../../../tests/helpers/staff-session';
import StaffWorkbenchPage from './index';
import { resetClientState } from '../../../../../tests/helpers/client-state';

beforeEach(() => {
  resetClientState();
});

describe('社区工作台', () => {
  it('shows each section’s entries in order, with what waits, and opens the one tapped', async () => {
    serveAsStaff({
      'GET /community/anjuyuan': community,
      'GET /community/anjuyuan/applications': { items: [{}, {}, {}] },
      'GET /community/anjuyuan/dependent-links': { items: [] },
      'GET /community/anjuyuan/topic-queue': { rows: [{}] },
      'GET /community/anjuyuan/wish-queue': { rows: [] },
    });
    render(<StaffWorkbenchPage />);
    await screen.findByText('3 件待处理');
    await screen.findByText('暂无待审核的心愿');

    const menu = Array.from(document.querySelectorAll('.linli-section-title, .entry-card')).map((el) =>
      el.classList.contains('entry-card')
        ? `${el.querySelector('.entry-card__title')?.textContent}: ${el.querySelector('.linli-muted')?.textContent}`
        : `## ${el.textContent}`,
    );
    expect(menu).toEqual([
      '## 待办事项',
      '居民认证审核: 3 件待处理',
      '代办绑定确认: 暂无待确认的绑定',
      '## 志愿服务与积分',
      '志愿服务与积分: 发布活动、确认时长、爱心商户、积分统计',
      '## 社区议事',
      '议题办理: 1 件待处理',
      '议事会管理: 安排议事会、签到、导出参会名单',
      '议事场所: 新增或修改议事场所和座位数',
      '## 邻里关怀',
      '微心愿办理: 暂无待审核的心愿',
      '求助派单: 居民求助、电话求助：派单、跟进超时、看评价',
      '网格探访: 超期未探访的老人、网格员、探访间隔',
      '## 长者食堂',
      '食堂管理: 发布菜单、后厨备餐、取餐核销、电话代订、日结',
      '## 档案管理',
      '为无微信居民建档: 替不用微信的老人登记住址和身份',
      '导入居民台账: 上传 CSV 或 Excel 台账；台账上的居民申请认证时自动通过',
      '居民档案: 按楼栋查看已认证的居民',
      '## 消息通知',
      '消息发送情况: 近 7 天站内消息与微信通知',
      '## 网格与楼栋',
      '编辑社区结构: 添加、改名、排序、停用网格、楼栋和单元',
    ]);

    fireEvent.click(screen.getByText('议事场所'));
    expect((navigateTo.mock.calls as unknown[][])[0]![0]).toMatchObject({
      url: '/packages/staff/council/venues/index',
    });
  });
});
