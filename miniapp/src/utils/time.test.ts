import { formatMessageTime, formatMonthDay } from './time';

// 2026-11-21 10:00 in Shanghai.
const now = new Date('2026-11-21T02:00:00Z');
const shown = (iso: string) => formatMessageTime(iso, now);

describe('message times, as read in Asia/Shanghai', () => {
  it('says 刚刚 within the first minute, and for a time a little ahead of the phone’s clock', () => {
    expect(shown('2026-11-21T01:59:30Z')).toBe('刚刚');
    expect(shown('2026-11-21T02:00:20Z')).toBe('刚刚');
  });

  it('counts minutes for the first hour', () => {
    expect(shown('2026-11-21T01:50:00Z')).toBe('10分钟前');
    expect(shown('2026-11-21T01:00:01Z')).toBe('59分钟前');
  });

  it('gives the clock time for earlier today and yesterday, by the Shanghai calendar', () => {
    expect(shown('2026-11-21T01:00:00Z')).toBe('今天 09:00');
    // 00:30 in Shanghai is still today, though it is the day before in UTC.
    expect(shown('2026-11-20T16:30:00Z')).toBe('今天 00:30');
    expect(shown('2026-11-20T15:59:00Z')).toBe('昨天 23:59');
    expect(shown('2026-11-20T01:30:00Z')).toBe('昨天 09:30');
  });

  it('gives the date for older messages, with the year only when it is not this year', () => {
    expect(shown('2026-11-19T10:00:00Z')).toBe('11月19日');
    expect(shown('2026-01-02T08:00:00Z')).toBe('1月2日');
    expect(shown('2025-12-31T16:30:00Z')).toBe('1月1日'); // already 2026 in Shanghai
    expect(shown('2025-12-31T15:00:00Z')).toBe('2025年12月31日');
    expect(shown('2025-11-20T01:30:00Z')).toBe('2025年11月20日');
  });

  it('writes a calendar day without its year', () => {
    expect(formatMonthDay('2026-11-05')).toBe('11月5日');
  });
});
