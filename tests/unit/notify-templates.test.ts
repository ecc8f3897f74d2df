import fc from 'fast-check';
import { TEMPLATE_KEYS, type TemplateKey } from '@linli/shared/contract/notify';
import {
  FIELD_LIMITS,
  TEMPLATES,
  fitField,
  renderTemplate,
  wechatTime,
  type FieldType,
} from '@linli/shared/domain/notify/templates';

/** Length in characters (Unicode code points), the way WeChat counts a field. */
const chars = (text: string) => [...text].length;

const FIELD_TYPES = Object.keys(FIELD_LIMITS) as FieldType[];

/** One plausible value per field type, as the plans produce them. */
const SAMPLE: Record<FieldType, string> = {
  thing: '三号楼加装电梯议事会',
  time: '2026年11月22日 09:30',
  phrase: '候补成功',
  character_string: 'ORDER-2026-0001',
  name: '王秀英',
  number: '20',
};

const sampleValues = (key: TemplateKey) =>
  Object.fromEntries(Object.entries(TEMPLATES[key].fields).map(([field, type]) => [field, SAMPLE[type]]));

describe('fitField', () => {
  describe('thing', () => {
    it('keeps a value of exactly 20 characters as it is', () => {
      const value = '一二三四五六七八九十一二三四五六七八九十';

      expect(fitField('thing', value)).toBe(value);
    });

    it('cuts a longer value to 20 characters ending with …', () => {
      const value = '关于三号楼加装电梯的费用分摊方案以及施工期间停车安排的居民议事会';

      const fitted = fitField('thing', value);

      expect(chars(fitted)).toBe(20);
      expect(fitted).toBe(`${[...value].slice(0, 19).join('')}…`);
    });

    it('counts Chinese characters as one each, not as their three UTF-8 bytes', () => {
      const value = '邻'.repeat(20);

      expect(Buffer.byteLength(value, 'utf8')).toBe(60);
      expect(fitField('thing', value)).toBe(value);
    });

    it('counts an emoji as one character and never splits its surrogate pair', () => {
      const twenty = '🎉'.repeat(20);
      const twentyOne = '🎉'.repeat(21);

      const kept = fitField('thing', twenty);
      const cut = fitField('thing', twentyOne);

      expect(twenty).toHaveLength(40);
      expect(kept).toBe(twenty);
      expect(cut).toBe(`${'🎉'.repeat(19)}…`);
      expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    });

    it('collapses runs of whitespace to one space and trims the ends', () => {
      expect(fitField('thing', '  社区\n\t议事会   第三期 ')).toBe('社区 议事会 第三期');
    });

    it('measures the limit after collapsing whitespace', () => {
      const value = `${'一'.repeat(10)}          ${'二'.repeat(9)}`;

      expect(fitField('thing', value)).toBe(`${'一'.repeat(10)} ${'二'.repeat(9)}`);
    });
  });

  describe('phrase', () => {
    it('keeps up to five Chinese characters', () => {
      expect(fitField('phrase', '候补成功')).toBe('候补成功');
    });

    it('cuts to five characters without an ellipsis', () => {
      expect(fitField('phrase', '候补成功请准时参加')).toBe('候补成功请');
    });

    it('removes everything that is not a Chinese character', () => {
      expect(fitField('phrase', 'OK 已通过!123 ✅')).toBe('已通过');
    });
  });

  describe('character_string', () => {
    it('keeps letters, digits and _ - . : @', () => {
      expect(fitField('character_string', 'A-1_b.2:c@3')).toBe('A-1_b.2:c@3');
    });

    it('strips spaces, Chinese characters, emoji and other symbols', () => {
      expect(fitField('character_string', '订单 No#42 / 🎉 x')).toBe('No42x');
    });

    it('cuts to 32 characters without an ellipsis', () => {
      const fitted = fitField('character_string', 'a'.repeat(40));

      expect(fitted).toBe('a'.repeat(32));
    });
  });

  describe('number', () => {
    it('keeps digits and the decimal point', () => {
      expect(fitField('number', '12.50')).toBe('12.50');
    });

    it('strips units, signs, separators and spaces', () => {
      expect(fitField('number', '+1,234 分')).toBe('1234');
    });

    it('cuts to 32 characters', () => {
      expect(fitField('number', '9'.repeat(40))).toBe('9'.repeat(32));
    });
  });

  describe('name', () => {
    it('keeps a name of up to 10 characters', () => {
      expect(fitField('name', '欧阳娜娜')).toBe('欧阳娜娜');
    });

    it('cuts a longer name to 10 characters ending with …', () => {
      const fitted = fitField('name', '阿卜杜热西提·阿卜杜拉江');

      expect(fitted).toBe('阿卜杜热西提·阿卜…');
      expect(chars(fitted)).toBe(10);
    });
  });

  describe('time', () => {
    it('leaves a formatted time untouched', () => {
      expect(fitField('time', '2026年11月22日 09:30')).toBe('2026年11月22日 09:30');
    });

    it('cuts to 32 characters without an ellipsis', () => {
      expect(fitField('time', '1'.repeat(40))).toBe('1'.repeat(32));
    });
  });
});

describe('renderTemplate', () => {
  it('fills every field of the template with its fitted value', () => {
    const data = renderTemplate('seat', {
      thing1: '关于三号楼加装电梯的费用分摊方案以及施工安排',
      time2: '2026年11月22日 09:30',
      thing3: '  社区活动中心 ',
      phrase4: '候补成功!',
    });

    expect(data).toEqual({
      thing1: { value: '关于三号楼加装电梯的费用分摊方案以及施…' },
      time2: { value: '2026年11月22日 09:30' },
      thing3: { value: '社区活动中心' },
      phrase4: { value: '候补成功' },
    });
  });

  it('throws naming the field when a template field has no value', () => {
    const values: Record<string, string> = { thing1: '议事会', time2: '2026年11月22日 09:30', thing3: '活动中心' };

    expect(() => renderTemplate('seat', values)).toThrow('template seat needs phrase4');
  });

  it('throws naming the field when a value has no field in the template', () => {
    const values = { ...sampleValues('seat'), thing9: '多余' };

    expect(() => renderTemplate('seat', values)).toThrow('template seat has no field thing9');
  });

  it.each(TEMPLATE_KEYS)('renders the %s template from sample values', (key) => {
    const data = renderTemplate(key, sampleValues(key));

    expect(Object.keys(data).sort()).toEqual(Object.keys(TEMPLATES[key].fields).sort());
    for (const { value } of Object.values(data)) expect(value).not.toBe('');
  });

  it('keeps every rendered value within the limit of its field type, for any input', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: fc.constantFrom('邻', '里', ' ', '\n', 'a', '1', '.', '🎉', '👨‍👩‍👧'), maxLength: 60 }),
    );
    const anyValues = fc.constantFrom(...TEMPLATE_KEYS).chain((key) =>
      fc.tuple(...Object.keys(TEMPLATES[key].fields).map(() => anyText)).map((texts) => ({
        key,
        values: Object.fromEntries(Object.keys(TEMPLATES[key].fields).map((f, i) => [f, texts[i] ?? ''])),
      })),
    );

    fc.assert(
      fc.property(anyValues, ({ key, values }) => {
        const data = renderTemplate(key, values);

        for (const [field, type] of Object.entries(TEMPLATES[key].fields)) {
          const value = data[field]?.value ?? '';
          expect(data).toHaveProperty(field);
          expect(chars(value)).toBeLessThanOrEqual(FIELD_LIMITS[type]);
          expect(value).toBe(value.trim());
          expect(value).not.toMatch(/\s\s/);
          if (type === 'phrase') expect(value).toMatch(/^[\u4e00-\u9fa5]*$/);
          if (type === 'character_string') expect(value).toMatch(/^[0-9A-Za-z_\-.:@]*$/);
          if (type === 'number') expect(value).toMatch(/^[0-9.]*$/);
        }
      }),
    );
  });

  it('fits each field type within its limit for any input', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELD_TYPES), fc.string({ unit: 'grapheme', maxLength: 80 }), (type, text) => {
        expect(chars(fitField(type, text))).toBeLessThanOrEqual(FIELD_LIMITS[type]);
      }),
    );
  });
});

describe('wechatTime', () => {
  it('shows a UTC time in Asia/Shanghai (UTC+8)', () => {
    expect(wechatTime('2026-11-22T01:30:00Z')).toBe('2026年11月22日 09:30');
  });

  it('moves to the next day when UTC+8 crosses midnight', () => {
    expect(wechatTime('2026-11-21T18:05:00Z')).toBe('2026年11月22日 02:05');
  });

  it('moves to the next month and year across New Year’s Eve', () => {
    expect(wechatTime('2026-12-31T16:00:00.000Z')).toBe('2027年01月01日 00:00');
  });

  it('stays on the same day for a time just before Shanghai midnight', () => {
    expect(wechatTime('2026-11-22T15:59:59Z')).toBe('2026年11月22日 23:59');
  });

  it('accepts a time written with an offset', () => {
    expect(wechatTime('2026-11-22T09:30:00+08:00')).toBe('2026年11月22日 09:30');
  });
});
