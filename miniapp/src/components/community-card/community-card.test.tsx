import { render, screen } from '@testing-library/react';
import type { Community } from '../../hooks/use-community';
import { CommunityCard, countHouseholds } from '.';

const units = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `u${i + 1}`, name: `${i + 1}单元` }));

const community: Community = {
  id: 'anjuyuan',
  name: '安居苑社区',
  city: '银川市',
  district: '金凤区',
  address: '安居苑小区',
  grids: [
    {
      id: 'grid-1',
      name: '第一网格',
      leader: '马秀兰',
      buildings: [
        { id: 'b1', gridId: 'grid-1', name: '1号楼', address: '1号楼', households: 72, units: units(3) },
        { id: 'b2', gridId: 'grid-1', name: '2号楼', address: '2号楼', households: 48, units: units(2) },
      ],
    },
    {
      id: 'grid-2',
      name: '第二网格',
      buildings: [{ id: 'b5', gridId: 'grid-2', name: '5号楼', address: '5号楼', households: 96, units: units(4) }],
    },
  ],
};

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
