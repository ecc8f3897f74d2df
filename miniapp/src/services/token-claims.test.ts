import { accessTokenWith, residentGrant } from '../../../tests/helpers/miniapp-fixtures';
import { grantsKey, tokenGrants } from './token-claims';

describe('token claims', () => {
  it('reads the grants of a token whose payload holds a Chinese name', () => {
    const token = accessTokenWith([residentGrant, { role: 'volunteer', communityId: 'anjuyuan' }], '王桂芳');

    expect(tokenGrants(token)).toEqual([residentGrant, { role: 'volunteer', communityId: 'anjuyuan' }]);
  });

  it('gives up quietly on something that is not a token', () => {
    expect(tokenGrants('not-a-token')).toBeUndefined();
    expect(tokenGrants('a.%%%.c')).toBeUndefined();
  });

  it('compares sets of grants whatever their order, and tells different ones apart', () => {
    const staff = { role: 'staff' as const, communityId: 'anjuyuan' };

    expect(grantsKey([residentGrant, staff])).toBe(grantsKey([staff, residentGrant]));
    expect(grantsKey([residentGrant])).not.toBe(grantsKey([]));
    expect(grantsKey([residentGrant])).not.toBe(grantsKey([{ ...residentGrant, buildingId: 'b2' }]));
  });
});
