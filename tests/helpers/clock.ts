/** An ISO time `m` minutes from now (negative for the past): sessions, deadlines and expiries in tests. */
export const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
