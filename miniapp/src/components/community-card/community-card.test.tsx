import { render, screen } from '@testing-library/react';
import type { Community } from '../../hooks/use-community';
import { anjuyuanCommunity } from '../../../../tests/helpers/miniapp-fixtures';
import { CommunityCard, countHouseholds } from '.';

const community: Community = anjuyuanCommunity({ units: { b1: 3, b2: 2, b5: 4 }, leader: '马秀兰' });

describe('CommunityCard', () => {
  it('shows the community with every grid and building', () => {
    render(<CommunityCard community={community} />);

    expect(screen.getByText('安居苑社区')).toBeTruthy();
    expect(screen.getByText('第一网格')).toBeTruthy();
    expect(screen.getByText('第二网格')).toBeTruthy();
    expect(screen.getByText('网格长：马秀兰')).toBeTruthy();
    for (const name of ['1号楼', '2号楼', '5号楼']) expect(screen.getByText(name)).toBeTruthy();
    expect(screen.getByText('3 个单元 · 72 户')).toBeTruthy();
  });

  it('sums grids, buildings and households in its summary', () => {
    render(<CommunityCard community={community} />);

    expect(screen.getByText('2 个网格 · 3 栋楼 · 216 户')).toBeTruthy();
    expect(countHouseholds(community)).toBe(216);
  });

  it('can leave the buildings out', () => {
    render(<CommunityCard community={community} showBuildings={false} />);

    expect(screen.getByText('安居苑社区')).toBeTruthy();
    expect(screen.queryByText('1号楼')).toBeNull();
  });
});
