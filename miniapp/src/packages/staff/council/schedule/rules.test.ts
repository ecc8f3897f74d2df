import { emptySchedule, scheduleDraftErrors, toScheduleInput, type ScheduleDraft } from './rules';

const now = new Date('2026-11-22T02:00:00.000Z'); // 10:00 in Shanghai

const draft = (over: Partial<ScheduleDraft> = {}): ScheduleDraft => ({
  ...emptySchedule(now),
  title: '加装电梯意见征集',
  venueId: 'venue-1',
  date: '2026-11-23',
  start: '09:30',
  end: '11:00',
  ...over,
});

describe('schedule form', () => {
  it('starts on the next half hour today, for the whole community, with a 2-hour cutoff', () => {
    expect(emptySchedule(now)).toMatchObject({
      date: '2026-11-22',
      start: '10:30',
      end: '12:00',
      audience: 'community',
      reservedSeats: '0',
      cutoff: '120',
    });
  });

  it('sends Shanghai picks as UTC instants with the audience, seats and cutoff', () => {
    expect(
      toScheduleInput(draft({ audience: 'buildings', buildingIds: ['b1', 'b2'], reservedSeats: '5', cutoff: '60' })),
    ).toEqual({
      title: '加装电梯意见征集',
      venueId: 'venue-1',
      startsAt: '2026-11-23T01:30:00.000Z',
      endsAt: '2026-11-23T03:00:00.000Z',
      audience: { kind: 'buildings', buildingIds: ['b1', 'b2'] },
      reservedSeats: 5,
      cancelCutoffMinutes: 60,
    });
    expect(toScheduleInput(draft()).audience).toEqual({ kind: 'community' });
  });

  it('accepts a complete form', () => {
    expect(scheduleDraftErrors(draft(), 30, now)).toEqual({});
  });

  it('explains each mistake in Chinese', () => {
    expect(
      scheduleDraftErrors(
        draft({ title: ' 议', venueId: undefined, end: '09:00', audience: 'buildings', reservedSeats: '31' }),
        30,
        now,
      ),
    ).toEqual({
      title: '请输入议事会主题',
      venueId: '请选择议事场所',
      end: '结束时间要晚于开始时间',
      buildingIds: '请选择楼栋',
      reservedSeats: '预留座位不能超过场所的 30 个座位',
    });
  });

  it('refuses a start that has passed and a session over 12 hours', () => {
    const errors = scheduleDraftErrors(draft({ date: '2026-11-22', start: '09:00', end: '22:00' }), 30, now);
    expect(errors.start).toBe('开始时间已过，请选择以后的时间');
    expect(errors.end).toBe('一场议事会最长 12 小时');
  });
});
