import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, ERRORS, isErrorCode } from '@linli/shared';

const SHARED = join(__dirname, '..', '..', 'shared', 'src');

/** Each feature's error registry (shared/src/domain/<feature>/*errors.ts) and the codes it declares. */
function featureRegistries(): { file: string; codes: string[] }[] {
  const domainDir = join(SHARED, 'domain');
  return readdirSync(domainDir).flatMap((feature) =>
    readdirSync(join(domainDir, feature))
      .filter((f) => /errors\.ts$/.test(f))
      .map((f) => {
        const file = join(domainDir, feature, f);
        const codes = [...readFileSync(file, 'utf8').matchAll(/^ {2}([A-Z][A-Z_]+): \{/gm)].map((m) => m[1]!);
        return { file, codes };
      }),
  );
}

describe('error codes', () => {
  it('gives every code a 4xx/5xx status and a Chinese message', () => {
    for (const [code, { status, message }] of Object.entries(ERRORS)) {
      expect(code).toMatch(/^[A-Z_]+$/);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
      expect(message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('carries status and message on a DomainError', () => {
    const error = new DomainError('COMMUNITY_NOT_FOUND', { id: 'x' });
    expect(error.status).toBe(404);
    expect(error.message).toBe('找不到该社区');
    expect(error.details).toEqual({ id: 'x' });
  });

  it('declares each code once, in one feature registry or the pipeline list, and merges them all', () => {
    const registries = featureRegistries();
    const pipeline = [
      ...readFileSync(join(SHARED, 'domain-error.ts'), 'utf8').matchAll(/^ {2}([A-Z][A-Z_]+): \{/gm),
    ].map((m) => m[1]!);
    const all = [...pipeline, ...registries.flatMap((r) => r.codes)];
    expect(registries.length).toBeGreaterThanOrEqual(8);
    expect(all.filter((code, i) => all.indexOf(code) !== i)).toEqual([]);
    expect(new Set(all)).toEqual(new Set(Object.keys(ERRORS)));
  });

  it('recognises only known codes', () => {
    expect(isErrorCode('FORBIDDEN')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });
});
