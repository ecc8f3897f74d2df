/**
 * Runs `load` once and shares its promise; a failure is forgotten so the next call tries again
 * (a cold container must not stay broken because a secret was briefly unreachable).
 */
export function memoizeAsync<T>(load: () => Promise<T>): { get(): Promise<T>; reset(): void } {
  let cached: Promise<T> | undefined;
  return {
    get() {
      cached ??= load().catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
      return cached;
    },
    reset() {
      cached = undefined;
    },
  };
}
