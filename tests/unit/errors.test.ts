import { DomainError, ERRORS, isErrorCode } from '@linli/shared';

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

  it('recognises only known codes', () => {
    expect(isErrorCode('FORBIDDEN')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });
});
