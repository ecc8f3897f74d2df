import { monthBounds, streetFiguresCsv, type CommunityMonthFigures } from '../../shared/src/domain/onboarding/figures';

const row: CommunityMonthFigures = {
  communityId: 'c1',
  name: '安居苑社区',
  verifiedMembers: 120,
  sessionsHeld: 2,
  seatsBooked: 40,
  attended: 35,
  topicsByStatus: { done: 3, submitted: 1 },
  topicsDone: 3,
  averageRating: 4.5,
  mealsServed: 300,
  subsidyFen: 45050,
  volunteerMinutes: 90,
  pointsIssued: 900,
  pointsRedeemed: 200,
};

describe('street figures', () => {
  it('bounds a month by Shanghai midnights, across the year end', () => {
    expect(monthBounds('2026-12')).toEqual({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    expect(monthBounds('2026-02')).toEqual({ from: '2026-01-31T16:00:00.000Z', to: '2026-02-28T16:00:00.000Z' });
  });

  it('writes one CSV row per community with yuan, hours and every topic state', () => {
    const csv = streetFiguresCsv('2026-11', [
      row,
      { ...row, communityId: 'c2', name: '新华苑社区', averageRating: undefined },
    ]);
    const [header, first, second] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toContain('助餐补贴（元）');
    expect(header).toContain('议题·已办结（件）');
    expect(first).toBe('2026-11,安居苑社区,120,2,40,35,1,0,0,0,0,3,0,0,0,4.5,300,450.50,1.5,900,200');
    expect(second!.split(',')[15]).toBe('');
  });
});
