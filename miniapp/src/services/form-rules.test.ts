import * as z from 'zod/mini';
import { CalendarDate, Phone, RealName, Room } from '@linli/shared/contract';
import { checkBirthDate, checkPhone, checkRealName, checkRoom } from './form-rules';

/** What the client says of a value, and what the contract's schema says (null when it accepts it). */
function verdicts(check: (value: string) => string | null, schema: () => z.ZodMiniType, value: string) {
  const server = z.safeParse(schema(), value);
  return { client: check(value), server: server.success ? null : server.error.issues[0]!.message };
}

describe('form rules match the contract', () => {
  it.each(['302', '1-302', 'B12', ' 302 ', '', '3 02', '302室', '123456789'])('room %p', (room) => {
    const { client, server } = verdicts(checkRoom, Room, room);
    expect(client).toBe(server);
  });

  it.each(['王桂芳', '李', ' 李 ', '欧阳娜娜', '张'.repeat(21), '张'.repeat(20)])('real name %p', (name) => {
    const { client, server } = verdicts(checkRealName, RealName, name);
    expect(client).toBe(server);
  });

  it.each(['13895012345', '12895012345', '1389501234', '138950123456', '', '1389501234a'])('phone %p', (phone) => {
    const { client, server } = verdicts(checkPhone, Phone, phone);
    expect(client).toBe(server);
  });

  it('accepts an empty phone only where it is optional', () => {
    expect(checkPhone('', true)).toBeNull();
    expect(checkPhone('123', true)).toBe('请输入 11 位手机号');
  });

  it('asks for a birth date that is picked, not in the future and not over 120 years ago', () => {
    const today = '2026-11-21';

    expect(checkBirthDate('', today)).toBe('请选择出生日期');
    expect(z.safeParse(CalendarDate(), '1940-08-02').success).toBe(true);
    expect(checkBirthDate('1940-08-02', today)).toBeNull();
    expect(checkBirthDate('2026-11-21', today)).toBeNull();
    expect(checkBirthDate('2026-11-22', today)).toBe('出生日期不正确');
    expect(checkBirthDate('1906-11-21', today)).toBeNull();
    expect(checkBirthDate('1905-11-20', today)).toBe('出生日期不正确');
  });
});
