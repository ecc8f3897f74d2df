import { apiForThisFile } from '../helpers/api';
import {
  createCommunity,
  idem,
  newWechatUser,
  residentMember,
  userWithGrants,
  type SignedIn,
} from '../helpers/fixtures';

const api = apiForThisFile();

interface Place {
  communityId: string;
  staff: SignedIn;
}

async function freshCommunity(): Promise<Place & { fixture: Awaited<ReturnType<typeof createCommunity>> }> {
  const fixture = await createCommunity();
  const staff = await userWithGrants(api, [{ role: 'staff', communityId: fixture.communityId }], '刘晶');
  return { communityId: fixture.communityId, staff, fixture };
}

const write = (p: Place, method: string, path: string, body?: unknown) =>
  api.call<any>(method, `/community/${p.communityId}${path}`, { token: p.staff.accessToken, body, headers: idem() });
const structureOf = async (p: Place) =>
  (await api.call<any>('GET', `/community/${p.communityId}/structure`, { token: p.staff.accessToken })).body;
const publicView = async (communityId: string) => (await api.call<any>('GET', `/community/${communityId}`)).body;

async function gridWithBuilding(p: Place) {
  const grid = await write(p, 'POST', '/grids', { name: '第三网格', leader: '丁玉梅', leaderPhone: '13900001111' });
  expect(grid.status).toBe(201);
  const building = await write(p, 'POST', '/buildings', {
    gridId: grid.body.id,
    name: '9号楼',
    address: '安居路 9 号',
    households: 48,
    leader: '王大爷',
    units: ['1单元', '2单元'],
  });
  expect(building.status).toBe(201);
  return { grid: grid.body, building: building.body };
}

describe('community structure editor', () => {
  it('lets exactly one of eight staff who name a new building 「10号楼」 at the same moment succeed', async () => {
    const p = await freshCommunity();
    const { grid } = await gridWithBuilding(p);
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        write(p, 'POST', '/buildings', { gridId: grid.id, name: '10号楼', address: `安居路 10 号（${i}）` }),
      ),
    );
    expect(attempts.filter((r) => r.status === 201)).toHaveLength(1);
    for (const refused of attempts.filter((r) => r.status !== 201)) {
      expect(refused.status).toBe(409);
      expect(['STRUCTURE_CHANGED', 'STRUCTURE_NAME_TAKEN']).toContain(refused.body.error.code);
    }
    const named = (await structureOf(p)).buildings.filter((b: { name: string }) => b.name === '10号楼');
    expect(named).toHaveLength(1);
  });

  it('lets one of two renames to the same name win when they race, never both', async () => {
    const p = await freshCommunity();
    const { grid } = await gridWithBuilding(p);
    const other = await write(p, 'POST', '/buildings', { gridId: grid.id, name: '11号楼' });
    const third = await write(p, 'POST', '/buildings', { gridId: grid.id, name: '12号楼' });
    const [a, b] = await Promise.all([
      write(p, 'PATCH', `/buildings/${other.body.id}`, { expectedVersion: 0, name: '13号楼' }),
      write(p, 'PATCH', `/buildings/${third.body.id}`, { expectedVersion: 0, name: '13号楼' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const named = (await structureOf(p)).buildings.filter((x: { name: string }) => x.name === '13号楼');
    expect(named).toHaveLength(1);
  });

  it('lets staff add a grid with its worker, a building with units, and another unit, seen at once publicly', async () => {
    const p = await freshCommunity();
    const { grid, building } = await gridWithBuilding(p);
    expect(grid).toEqual(
      expect.objectContaining({ name: '第三网格', leader: '丁玉梅', leaderPhone: '13900001111', version: 0 }),
    );
    const unit = await write(p, 'POST', `/buildings/${building.id}/units`, { expectedVersion: 0, name: '3单元' });
    expect(unit.status).toBe(201);
    expect(unit.body.units.map((u: { name: string }) => u.name)).toEqual(['1单元', '2单元', '3单元']);

    const view = await publicView(p.communityId);
    const shown = view.grids.find((g: { id: string }) => g.id === grid.id);
    expect(shown.leader).toBe('丁玉梅');
    expect(shown.buildings).toEqual([
      expect.objectContaining({ name: '9号楼', households: 48, leader: '王大爷', units: expect.any(Array) }),
    ]);
  });

  it('shows a rename of a building and a unit wherever the structure is read, without touching members', async () => {
    const p = await freshCommunity();
    const before = await structureOf(p);
    const b1 = before.buildings.find((b: { id: string }) => b.id === 'b1');
    const renamed = await write(p, 'PATCH', '/buildings/b1', { expectedVersion: b1.version, name: '一号楼' });
    expect(renamed.body).toEqual(expect.objectContaining({ name: '一号楼' }));
    expect(renamed.status).toBe(200);
    const unit = await write(p, 'PATCH', '/buildings/b1/units/u1', {
      expectedVersion: renamed.body.version,
      name: '东单元',
    });
    expect(unit.status).toBe(200);

    const view = await publicView(p.communityId);
    const building = view.grids[0].buildings.find((b: { id: string }) => b.id === 'b1');
    expect(building.name).toBe('一号楼');
    expect(building.units[0]).toEqual({ id: 'u1', name: '东单元' });
  });

  it('shows the new building name on the member card, the staff member list and the delivery list at once', async () => {
    const p = await freshCommunity();
    const resident = await residentMember(p.fixture, { buildingId: 'b1' });
    const eligible = await api.call<any>('PUT', `/community/${p.communityId}/canteen-delivery/${resident.memberId}`, {
      token: p.staff.accessToken,
      body: { eligible: true, reason: '独居' },
      headers: idem(),
    });
    expect(eligible.status).toBe(200);

    const renamed = await write(p, 'PATCH', '/buildings/b1', { expectedVersion: 0, name: '幸福楼' });
    expect(renamed.status).toBe(200);

    const me = await api.call<any>('GET', '/me', { token: resident.token });
    expect(me.body.member).toEqual(expect.objectContaining({ buildingName: '幸福楼', unitName: '1单元' }));
    const members = await api.call<any>('GET', `/community/${p.communityId}/members`, { token: p.staff.accessToken });
    expect(members.body.members.map((m: { buildingName: string }) => m.buildingName)).toEqual(['幸福楼']);
    const delivery = await api.call<any>('GET', `/community/${p.communityId}/canteen-delivery`, {
      token: p.staff.accessToken,
    });
    expect(delivery.body.members[0].address).toEqual(expect.objectContaining({ buildingName: '幸福楼' }));
  });

  it('lets only one of two staff editing the same building at once win; the other hears STRUCTURE_CHANGED', async () => {
    const p = await freshCommunity();
    const [a, b] = await Promise.all([
      write(p, 'PATCH', '/buildings/b2', { expectedVersion: 0, name: '二号楼' }),
      write(p, 'PATCH', '/buildings/b2', { expectedVersion: 0, name: '贰号楼' }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.body.error.code).toBe('STRUCTURE_CHANGED');
    const view = await publicView(p.communityId);
    expect(view.grids[0].buildings.find((x: { id: string }) => x.id === 'b2').name).toBe(winner.body.name);
  });

  it('refuses bad input with a field message and writes nothing', async () => {
    const p = await freshCommunity();
    const before = await structureOf(p);
    const bad = [
      await write(p, 'POST', '/grids', { name: '' }),
      await write(p, 'POST', '/grids', { name: '第九网格', leaderPhone: '12345' }),
      await write(p, 'POST', '/buildings', { gridId: 'g1', name: '10号楼', households: -3 }),
      await write(p, 'PATCH', '/buildings/b1', { name: '没有版本号' }),
    ];
    for (const res of bad) {
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const taken = await write(p, 'POST', '/buildings', { gridId: 'g1', name: '1号楼' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('STRUCTURE_NAME_TAKEN');
    const unknownGrid = await write(p, 'POST', '/buildings', { gridId: 'nogrid', name: '11号楼' });
    expect(unknownGrid.status).toBe(404);
    expect(unknownGrid.body.error.code).toBe('GRID_NOT_FOUND');
    expect(await structureOf(p)).toEqual(before);
  });

  it('never deletes a building or unit where members live: it retires them, and new applications cannot name them', async () => {
    const p = await freshCommunity();
    await residentMember(p.fixture, { buildingId: 'b1' });
    const structure = await structureOf(p);
    const b1 = structure.buildings.find((b: { id: string }) => b.id === 'b1');
    expect(b1.members).toBe(1);
    expect(b1.units.find((u: { id: string }) => u.id === 'u1').members).toBe(1);

    const deleteBuilding = await api.call<any>('DELETE', `/community/${p.communityId}/buildings/b1?expectedVersion=0`, {
      token: p.staff.accessToken,
      headers: idem(),
    });
    expect(deleteBuilding.status).toBe(409);
    expect(deleteBuilding.body.error.code).toBe('STRUCTURE_IN_USE');
    const deleteUnit = await api.call<any>(
      'DELETE',
      `/community/${p.communityId}/buildings/b1/units/u1?expectedVersion=0`,
      {
        token: p.staff.accessToken,
        headers: idem(),
      },
    );
    expect(deleteUnit.status).toBe(409);

    const retired = await write(p, 'PATCH', '/buildings/b1', { expectedVersion: 0, retired: true });
    expect(retired.status).toBe(200);
    expect(retired.body.retired).toBe(true);
    const view = await publicView(p.communityId);
    expect(view.grids[0].buildings.find((b: { id: string }) => b.id === 'b1')).toEqual(
      expect.objectContaining({ name: '1号楼', retired: true }),
    );

    const newcomer = await newWechatUser(api, 'apply');
    const apply = await api.call<any>('POST', '/memberships', {
      token: newcomer.accessToken,
      body: {
        communityId: p.communityId,
        buildingId: 'b1',
        unitId: 'u1',
        room: '301',
        realName: '赵小明',
        birthDate: '1980-05-01',
        phone: '13800138000',
      },
      headers: idem(),
    });
    expect(apply.status).toBe(409);
    expect(apply.body.error.code).toBe('BUILDING_RETIRED');
  });

  it('renames and retires a grid: the new name shows publicly and its buildings take no new applications', async () => {
    const p = await freshCommunity();
    const renamed = await write(p, 'PATCH', '/grids/g1', { expectedVersion: 0, name: '东区网格', leader: '马玉兰' });
    expect(renamed.status).toBe(200);
    const retired = await write(p, 'PATCH', '/grids/g1', { expectedVersion: renamed.body.version, retired: true });
    expect(retired.body).toEqual(
      expect.objectContaining({ name: '东区网格', leader: '马玉兰', retired: true, version: 2 }),
    );
    expect((await publicView(p.communityId)).grids[0]).toEqual(
      expect.objectContaining({ name: '东区网格', retired: true }),
    );

    const newcomer = await newWechatUser(api, 'apply');
    const apply = await api.call<any>('POST', '/memberships', {
      token: newcomer.accessToken,
      body: {
        communityId: p.communityId,
        buildingId: 'b2',
        unitId: 'u1',
        room: '502',
        realName: '钱小芳',
        birthDate: '1975-03-01',
        phone: '13800138001',
      },
      headers: idem(),
    });
    expect(apply.status).toBe(409);
    expect(apply.body.error.code).toBe('BUILDING_RETIRED');
    const addToRetired = await write(p, 'POST', '/buildings', { gridId: 'g1', name: '12号楼' });
    expect(addToRetired.status).toBe(409);
    expect(addToRetired.body.error.code).toBe('GRID_RETIRED');
  });

  it('deletes an empty unit and an empty building', async () => {
    const p = await freshCommunity();
    const { building } = await gridWithBuilding(p);
    const unitId = building.units[1].id;
    const unit = await api.call<any>(
      'DELETE',
      `/community/${p.communityId}/buildings/${building.id}/units/${unitId}?expectedVersion=0`,
      { token: p.staff.accessToken, headers: idem() },
    );
    expect(unit.status).toBe(200);
    expect(unit.body.units).toHaveLength(1);
    const gone = await api.call<any>(
      'DELETE',
      `/community/${p.communityId}/buildings/${building.id}?expectedVersion=1`,
      {
        token: p.staff.accessToken,
        headers: idem(),
      },
    );
    expect(gone.status).toBe(200);
    expect((await structureOf(p)).buildings.map((b: { id: string }) => b.id)).not.toContain(building.id);
  });

  it('reorders grids, and refuses an order that leaves one out', async () => {
    const p = await freshCommunity();
    const { grid } = await gridWithBuilding(p);
    const reordered = await api.call<any>('PUT', `/community/${p.communityId}/structure/order`, {
      token: p.staff.accessToken,
      body: { kind: 'grids', ids: [grid.id, 'g1'] },
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.grids.map((g: { id: string }) => g.id)).toEqual([grid.id, 'g1']);
    expect((await publicView(p.communityId)).grids.map((g: { id: string }) => g.id)).toEqual([grid.id, 'g1']);
    const partial = await api.call<any>('PUT', `/community/${p.communityId}/structure/order`, {
      token: p.staff.accessToken,
      body: { kind: 'grids', ids: ['g1'] },
    });
    expect(partial.status).toBe(422);
    expect(partial.body.error.code).toBe('REORDER_MISMATCH');
  });

  it('keeps staff of community A out of community B on every structure route', async () => {
    const a = await freshCommunity();
    const b = await freshCommunity();
    const asA = (method: string, path: string, body?: unknown) =>
      api.call<any>(method, `/community/${b.communityId}${path}`, {
        token: a.staff.accessToken,
        body,
        headers: idem(),
      });
    const answers = [
      await asA('GET', '/structure'),
      await asA('POST', '/grids', { name: '越界网格' }),
      await asA('PATCH', '/grids/g1', { expectedVersion: 0, name: '越界' }),
      await asA('POST', '/buildings', { gridId: 'g1', name: '越界楼' }),
      await asA('PATCH', '/buildings/b1', { expectedVersion: 0, name: '越界楼' }),
      await asA('DELETE', '/buildings/b2?expectedVersion=0'),
      await asA('POST', '/buildings/b1/units', { expectedVersion: 0, name: '越界单元' }),
      await asA('PATCH', '/buildings/b1/units/u1', { expectedVersion: 0, name: '越界单元' }),
      await asA('DELETE', '/buildings/b1/units/u2?expectedVersion=0'),
      await asA('PUT', '/structure/order', { kind: 'grids', ids: ['g1'] }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('OUT_OF_SCOPE');
    }
    const view = await publicView(b.communityId);
    expect(view.grids.map((g: { name: string }) => g.name)).toEqual(['第一网格']);
    expect(view.grids[0].buildings.map((x: { name: string }) => x.name)).toEqual(['1号楼', '2号楼']);
  });
});
