import { randomInt } from 'node:crypto';

/** `n` cryptographically random non-negative integers, the source short codes are drawn from. */
export const randomNumbers = (n: number): number[] => Array.from({ length: n }, () => randomInt(0, 1 << 30));
