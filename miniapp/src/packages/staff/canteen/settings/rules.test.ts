import { bandsOf, mealsOf, yuanInput, type MealDraft } from './rules';

const lunch: MealDraft = { meal: 'lunch', served: true, cutoff: '10:00', pickupStart: '11:30', pickupEnd: '13:00' };

describe('the canteen settings form', () => {
  it('keeps only the meals served, with their times', () => {
    expect(mealsOf([lunch, { ...lunch, meal: 'dinner', served: false }])).toEqual({
      ok: true,
      meals: [{ meal: 'lunch', cutoff: '10:00', pickupStart: '11:30', pickupEnd: '13:00' }],
    });
  });

  it('refuses no meal at all, malformed times, and a cutoff after pickup starts', () => {
    expect(mealsOf([{ ...lunch, served: false }])).toEqual({ ok: false, error: '至少供应一餐' });
    expect(mealsOf([{ ...lunch, cutoff: '10点' }])).toMatchObject({ ok: false });
    expect(mealsOf([{ ...lunch, cutoff: '12:00' }])).toEqual({
      ok: false,
      error: '截止时间应早于取餐时间，取餐开始应早于结束',
    });
  });

  it('reads subsidy bands in yuan, the top band open-ended', () => {
    expect(
      bandsOf([
        { minAge: '60', maxAge: '69', subsidy: '1' },
        { minAge: '80', maxAge: '', subsidy: '3' },
      ]),
    ).toEqual({
      ok: true,
      bands: [
        { minAge: 60, maxAge: 69, subsidyFen: 100 },
        { minAge: 80, subsidyFen: 300 },
      ],
    });
    expect(bandsOf([{ minAge: '', maxAge: '', subsidy: '1' }])).toEqual({
      ok: false,
      error: '第1档：请填写年龄和补贴金额',
    });
    expect([yuanInput(300), yuanInput(150), yuanInput(0)]).toEqual(['3.00', '1.50', '0.00']);
  });
});
