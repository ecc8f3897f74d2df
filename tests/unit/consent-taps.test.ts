import {
  CONSENT_FOR_TAP,
  MAX_TEMPLATES_PER_TAP,
  TEMPLATE_KEYS,
  TEMPLATE_LABELS,
} from '../../shared/src/contract/notify';

describe('consent asked inside each tap', () => {
  it('asks for at most three templates per tap, as WeChat allows', () => {
    for (const keys of Object.values(CONSENT_FOR_TAP)) {
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.length).toBeLessThanOrEqual(MAX_TEMPLATES_PER_TAP);
    }
  });

  it('asks for every template somewhere, so every message a person can receive has a tap that consents to it', () => {
    const asked = new Set(Object.values(CONSENT_FOR_TAP).flat());
    expect([...asked].sort()).toEqual([...TEMPLATE_KEYS].sort());
  });

  it('names every template in Chinese for 我的', () => {
    for (const key of TEMPLATE_KEYS) expect(TEMPLATE_LABELS[key]).toMatch(/[\u4e00-\u9fa5]/);
  });
});
