/**
 * "Staff" means staff of this community: someone who is staff at home and a resident elsewhere
 * reads the other community as a resident, never as its staff (invite codes, other buildings'
 * sessions).
 */
import type { RoleGrant } from '@linli/shared';
import { apiForThisFile } from '../helpers/api';
import { createCommunity, idem, residentMember, userWithGrants, type CommunityFixture } from '../helpers/fixtures';
import { tokenFor } from '../helpers/tokens';
import { inMinutes } from '../helpers/clock';

const api = apiForThisFile();

/** Staff of community A who lives in building b1 of community B. */
async function staffOfAResidentOfB(a: CommunityFixture, b: CommunityFixture) {
  const member = await residentMember(b, { buildingId: 'b1', name: '周敏' });
  const grants: RoleGrant[] = [
    { role: 'staff', communityId: a.communityId },
    { role: 'resident', communityId: b.communityId, buildingId: 'b1', memberId: member.memberId },
  ];
  return { ...member, token: await tokenFor({ userId: member.userId, name: member.name, grants }) };
}

async function communities() {
  const [a, b] = await Promise.all([createCommunity(), createCommunity()]);
  const staffOfB = await userWithGrants(api, [{ role: 'staff', communityId: b.communityId }], '刘晶');
  return { a, b, staffOfB, visitor: await staffOfAResidentOfB(a, b) };
}

describe('staff of one community in another', () => {
  it('does not see the merchant invite codes or unsigned merchants of the community they only live in', async () => {
    const { b, staffOfB, visitor } = await communities();
    const signed = await api.call<any>('POST', `/community/${b.communityId}/points-merchants`, {
      token: staffOfB.accessToken,
      headers: idem(),
      body: {
        name: '老马理发店',
        address: '南门商铺3号',
        category: '理发',
        agreement: {
          offers: [{ offerId: 'haircut', kind: 'fixed', title: '理发一次', points: 30 }],
          activeFrom: '2026-01-01',
        },
      },
    });
    expect(signed.status).toBe(201);
    expect(signed.body.inviteCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);

    const asVisitor = await api.call<any>('GET', `/community/${b.communityId}/points-merchants`, {
      token: visitor.token,
    });
    const asStaff = await api.call<any>('GET', `/community/${b.communityId}/points-merchants`, {
      token: staffOfB.accessToken,
    });

    expect(asVisitor.status).toBe(200);
    expect(asVisitor.body.merchants).toHaveLength(1);
    expect(asVisitor.body.merchants[0]).not.toHaveProperty('inviteCode');
    expect(asVisitor.body.merchants[0]).not.toHaveProperty('operatorBound');
    expect(asStaff.body.merchants[0].inviteCode).toBe(signed.body.inviteCode);
  });

  it('sees only the sessions meant for their own building, and is refused another building’s session', async () => {
    const { b, staffOfB, visitor } = await communities();
    const venue = await api.call<any>('POST', `/community/${b.communityId}/venues`, {
      token: staffOfB.accessToken,
      headers: idem(),
      body: { name: '红色议事厅', place: '社区服务中心二楼', capacity: 20 },
    });
    const scheduleFor = async (buildingIds: string[], startInMinutes: number) => {
      const res = await api.call<any>('POST', `/community/${b.communityId}/sessions`, {
        token: staffOfB.accessToken,
        headers: idem(),
        body: {
          title: `议事会 ${buildingIds.join('、')}`,
          venueId: venue.body.venueId,
          startsAt: inMinutes(startInMinutes),
          endsAt: inMinutes(startInMinutes + 60),
          audience: { kind: 'buildings', buildingIds },
        },
      });
      expect(res.status).toBe(201);
      return res.body.sessionId as string;
    };
    const forB1 = await scheduleFor(['b1'], 24 * 60);
    const forB2 = await scheduleFor(['b2'], 26 * 60);

    const listed = await api.call<any>('GET', `/community/${b.communityId}/sessions`, { token: visitor.token });
    const other = await api.call<any>('GET', `/community/${b.communityId}/sessions/${forB2}`, {
      token: visitor.token,
    });
    const asStaff = await api.call<any>('GET', `/community/${b.communityId}/sessions`, {
      token: staffOfB.accessToken,
    });

    expect(listed.status).toBe(200);
    expect(listed.body.sessions.map((s: any) => s.sessionId)).toEqual([forB1]);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('NOT_IN_AUDIENCE');
    expect(asStaff.body.sessions.map((s: any) => s.sessionId)).toEqual([forB1, forB2]);
  });
});
