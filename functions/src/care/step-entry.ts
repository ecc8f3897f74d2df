/** The timeline entry every step of a need or a wish writes: who moved it, from what to what, why. */
export function stepEntry<Status extends string, Role extends string>(
  s: { actor: { userId: string }; byName: string; byRole: Role; note?: string },
  seen: { version: number; status: Status },
  to: Status,
  at: string,
) {
  return {
    seq: seen.version,
    at,
    byId: s.actor.userId,
    byName: s.byName,
    byRole: s.byRole,
    from: seen.status,
    to,
    note: s.note,
  };
}
