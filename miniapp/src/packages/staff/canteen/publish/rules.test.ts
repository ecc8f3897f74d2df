import { dishesOf, emptyDish, fenOf } from './rules';

describe('the publish form', () => {
  it('reads prices in yuan as whole fen', () => {
    expect([fenOf('12'), fenOf('12.5'), fenOf('12.05'), fenOf(' 0.3 ')]).toEqual([1200, 1250, 1205, 30]);
    expect([fenOf(''), fenOf('12.345'), fenOf('-1'), fenOf('十二')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('turns drafts into dishes, with tags and the items of a set meal', () => {
    const result = dishesOf([
      {
        ...emptyDish(),
        name: ' 营养套餐 ',
        price: '15',
        portions: '40',
        limit: '2',
        tags: ['软烂'],
        setItems: '米饭、青菜，汤',
      },
    ]);
    expect(result).toEqual({
      ok: true,
      dishes: [
        {
          name: '营养套餐',
          priceFen: 1500,
          portions: 40,
          perPersonLimit: 2,
          tags: ['软烂'],
          setItems: ['米饭', '青菜', '汤'],
        },
      ],
    });
  });

  it('says which dish to fix and why, in Chinese', () => {
    expect(
      dishesOf([
        { ...emptyDish(), name: '面条', price: '8' },
        { ...emptyDish(), price: '8' },
      ]),
    ).toEqual({
      ok: false,
      error: '第2道菜：请填写菜名',
    });
    expect(dishesOf([{ ...emptyDish(), name: '面条', price: '八元' }])).toMatchObject({ ok: false });
    expect(dishesOf([{ ...emptyDish(), name: '面条', price: '8', limit: '30' }])).toEqual({
      ok: false,
      error: '第1道菜：每人限购 1 到 20 份',
    });
    expect(dishesOf([])).toEqual({ ok: false, error: '请至少添加一道菜' });
  });
});
