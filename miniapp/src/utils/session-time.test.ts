import {
  formatDay,
  formatMinutes,
  formatMoment,
  formatSessionTime,
  shanghaiClock,
  shanghaiDate,
  shanghaiToIso,
  suggestedSlot,
} from './session-time';

const now = new Date('2026-11-22T02:00:00.000Z'); // 2026-11-22 10:00 in Shanghai, a Sunday

describe('council times in Asia/Shanghai', () => {
  it('shows a session as 月日 周几 and its start–end clock in Shanghai time', () => {
    expect(formatSessionTime('2026-11-23T01:30:00.000Z', '2026-11-23T03:00:00.000Z', now)).toBe(
      '11月23日 周一 09:30–11:00',
    );
  });

  it('moves an evening UTC time to the next Shanghai day', () => {
    expect(shanghaiDate('2026-11-22T17:30:00.000Z')).toBe('2026-11-23');
    expect(shanghaiClock('2026-11-22T17:30:00.000Z')).toBe('01:30');
    expect(formatDay('2026-11-22T17:30:00.000Z', now)).toBe('11月23日 周一');
  });

  it('names both days of a session that runs past midnight', () => {
    expect(formatSessionTime('2026-11-23T15:00:00.000Z', '2026-11-23T17:00:00.000Z', now)).toBe(
      '11月23日 周一 23:00 至 11月24日 周二 01:00',
    );
  });

  it('adds the year only for another year', () => {
    expect(formatMoment('2027-01-05T00:30:00.000Z', now)).toBe('2027年1月5日 周二 08:30');
    expect(formatMoment('2026-12-31T15:59:00.000Z', now)).toBe('12月31日 周四 23:59');
  });

  it('turns a picked Shanghai date and clock into the UTC instant the API takes', () => {
    expect(shanghaiToIso('2026-11-23', '09:30')).toBe('2026-11-23T01:30:00.000Z');
    expect(shanghaiToIso('2026-11-23', '06:15')).toBe('2026-11-22T22:15:00.000Z');
  });

  it('round-trips every half hour of a day through the pickers', () => {
    for (let m = 0; m < 24 * 60; m += 30) {
      const iso = new Date(Date.UTC(2026, 10, 22, 0, m) - 8 * 3600_000).toISOString();
      expect(shanghaiToIso(shanghaiDate(iso), shanghaiClock(iso))).toBe(iso);
    }
  });

  it('suggests the first half hour at least 15 minutes away, lasting an hour and a half', () => {
    expect(suggestedSlot(new Date('2026-11-22T02:10:00.000Z'))).toEqual({
      date: '2026-11-22',
      start: '10:30',
      end: '12:00',
    });
    expect(suggestedSlot(new Date('2026-11-22T02:20:00.000Z'))).toEqual({
      date: '2026-11-22',
      start: '11:00',
      end: '12:30',
    });
  });

  it('keeps a late suggestion on one day, and rolls to tomorrow after 23:15', () => {
    expect(suggestedSlot(new Date('2026-11-22T14:40:00.000Z'))).toEqual({
      date: '2026-11-22',
      start: '23:00',
      end: '23:59',
    });
    expect(suggestedSlot(new Date('2026-11-22T15:20:00.000Z')).date).toBe('2026-11-23');
  });

  it('says spans of minutes as people do', () => {
    expect(formatMinutes(30)).toBe('30分钟');
    expect(formatMinutes(120)).toBe('2小时');
    expect(formatMinutes(90)).toBe('1小时30分钟');
    expect(formatMinutes(1440)).toBe('1天');
  });
});
