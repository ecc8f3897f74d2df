import { assembleCommunity } from '@linli/shared/domain/community/structure';

describe('assembling a community', () => {
  const community = { id: 'c', name: '安居苑社区', city: '银川市', district: '金凤区', address: '安居苑' };

  it('nests buildings under their grid, both in display order', () => {
    const result = assembleCommunity(
      community,
      [
        { id: 'g2', name: '第二网格', order: 2 },
        { id: 'g1', name: '第一网格', order: 1 },
      ],
      [
        { id: 'b2', gridId: 'g1', name: '2号楼', address: '', households: 1, units: [], order: 2 },
        { id: 'b1', gridId: 'g1', name: '1号楼', address: '', households: 1, units: [], order: 1 },
        { id: 'b5', gridId: 'g2', name: '5号楼', address: '', households: 1, units: [], order: 1 },
      ],
    );
    expect(result.grids.map((g) => [g.id, g.buildings.map((b) => b.id)])).toEqual([
      ['g1', ['b1', 'b2']],
      ['g2', ['b5']],
    ]);
    expect(result.grids[0]).not.toHaveProperty('order');
  });

  it('leaves out a building whose grid is unknown', () => {
    const result = assembleCommunity(
      community,
      [{ id: 'g1', name: '第一网格', order: 1 }],
      [{ id: 'bx', gridId: 'nope', name: 'X', address: '', households: 0, units: [], order: 1 }],
    );
    expect(result.grids[0]!.buildings).toEqual([]);
  });
});
