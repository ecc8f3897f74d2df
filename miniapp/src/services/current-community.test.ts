import { communityFromLaunch, communitiesOf, currentCommunityOf } from './current-community';

const me = (grants: { role: 'staff' | 'resident'; communityId?: string }[], member?: string) =>
  ({ grants, member: member ? ({ communityId: member } as never) : null }) as Parameters<typeof currentCommunityOf>[0];

describe('the community the app shows', () => {
  it('reads the community from a poster scene, its c= pair, or an H5 link parameter', () => {
    expect(communityFromLaunch({ scene: 'anjuyuan' })).toBe('anjuyuan');
    expect(communityFromLaunch({ scene: encodeURIComponent('c=xinhuayuan&x=1') })).toBe('xinhuayuan');
    expect(communityFromLaunch({ community: 'anjuyuan' })).toBe('anjuyuan');
    expect(communityFromLaunch({ scene: '<script>' })).toBeUndefined();
    expect(communityFromLaunch(undefined)).toBeUndefined();
  });

  it("shows a member their own community, not a poster's they do not belong to", () => {
    expect(currentCommunityOf(me([], 'home'), 'poster')).toBe('home');
  });

  it('switches among the communities a person belongs to', () => {
    const both = me([{ role: 'staff', communityId: 'work' }], 'home');
    expect(communitiesOf(both)).toEqual(['home', 'work']);
    expect(currentCommunityOf(both, 'work')).toBe('work');
    expect(currentCommunityOf(both, undefined)).toBe('home');
  });

  it('shows a newcomer the community they chose, and none when they chose nothing', () => {
    expect(currentCommunityOf(me([]), 'poster')).toBe('poster');
    expect(currentCommunityOf(undefined, undefined)).toBeUndefined();
  });
});
