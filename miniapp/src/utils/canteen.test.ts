import { dayLabel, orderStatusLabel, plusDays, shanghaiToday, yuanText } from './canteen';

describe('canteen display helpers', () => {
  it('shows fen as yuan with two decimals', () => {
    expect([yuanText(0), yuanText(5), yuanText(1100), yuanText(-300)]).toEqual(['¥0.00', '¥0.05', '¥11.00', '-¥3.00']);
  });

  it('names today and tomorrow, and other days by date and weekday', () => {
    expect(dayLabel('2030-05-02', '2030-05-02')).toBe('今天 · 5月2日 周四');
    expect(dayLabel('2030-05-03', '2030-05-02')).toBe('明天 · 5月3日 周五');
    expect(dayLabel('2030-05-06', '2030-05-02')).toBe('5月6日 周一');
    expect(plusDays('2030-12-31', 1)).toBe('2031-01-01');
  });

  it('takes today in Shanghai, which is already tomorrow at 16:00 UTC', () => {
    expect(shanghaiToday(new Date('2030-05-02T16:00:00.000Z'))).toBe('2030-05-03');
  });

  it('says a delivery not yet on its way waits for delivery, a pickup for pickup', () => {
    expect(orderStatusLabel({ status: 'placed', fulfilment: 'delivery' })).toBe('待送餐');
    expect(orderStatusLabel({ status: 'placed', fulfilment: 'pickup' })).toBe('待取餐');
    expect(orderStatusLabel({ status: 'received', fulfilment: 'delivery' })).toBe('已签收');
  });
});
