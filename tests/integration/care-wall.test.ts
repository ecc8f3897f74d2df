import { apiForThisFile } from '../helpers/api';
import { createCommunity, idem, residentMember, userWithGrants } from '../helpers/fixtures';
import { freshId } from '../helpers/ids';
import { tokenFor } from '../helpers/tokens';

const api = apiForThisFile();

const WISH = { text: '想要一台收音机，每天听听新闻', category: '生活用品', handover: '社区转交', showBuilding: true };

const post = (path: string, token: string, body: unknown = {}) =>
  api.call<any>('POST', path, { token, headers: idem(), body });
const get = (path: string, token: string) => api.call<any>('GET', path, { token });

describe('心愿墙 claimable', () => {
  it('offers 认领 only on open wishes the caller may claim: never their own, never to staff, never once claimed', async () => {
    const c = await createCommunity();
    const path = `/community/${c.communityId}`;
    const staff = await userWithGrants(api, [{ role: 'staff', communityId: c.communityId }], '刘晶');
    const elder = await residentMember(c, { buildingId: 'b1', name: '刘淑珍', room: '101' });
    const neighbour = await residentMember(c, { buildingId: 'b2' });
    const volunteer = await tokenFor({
      userId: freshId('v'),
      name: '张伟',
      grants: [{ role: 'volunteer', communityId: c.communityId }],
    });
    const posted = await post(`${path}/wishes`, elder.token, WISH);
    const wishId = posted.body.wishId as string;
    expect((await post(`${path}/wishes/${wishId}/approve`, staff.accessToken)).status).toBe(200);

    const asNeighbour = await get(`${path}/wish-wall`, neighbour.token);
    const asElder = await get(`${path}/wish-wall`, elder.token);
    const asStaff = await get(`${path}/wish-wall`, staff.accessToken);

    expect(asNeighbour.body.claimable).toEqual([wishId]);
    expect(asElder.body.wishes.map((w: any) => w.wishId)).toEqual([wishId]);
    expect(asElder.body.claimable).toEqual([]);
    expect(asStaff.body.claimable).toEqual([]);
    expect((await post(`${path}/wishes/${wishId}/claim`, volunteer)).status).toBe(200);
    expect((await get(`${path}/wish-wall`, neighbour.token)).body.claimable).toEqual([]);
  });
});
