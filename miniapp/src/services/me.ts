/**
 * GET /me, shared by every page that shows who is signed in (我的, the staff pages). After each
 * load it keeps two things true: the token's roles match /me (a membership approved since login
 * needs a refreshed token), and 代办 only continues for someone the link still allows.
 */
import type { Reply, Role, Routes } from '@linli/shared/contract';
import { api, type ApiError } from './api';
import { readActingFor, stopActingFor } from './acting-for';
import { accessToken, clearSession, refreshSession, sessionUserId, subscribeSession } from './session';
import { grantsKey, tokenGrants } from './token-claims';

export type Me = Reply<Routes['getMe']>;

export interface MeState {
  me: Me | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

let state: MeState = { me: undefined, error: undefined, loading: false };
let stateUserId: string | null = null;
let inflight: Promise<Me | undefined> | null = null;
const listeners = new Set<() => void>();

function set(next: MeState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

// Another user (or nobody) signed in: what we knew belongs to someone else.
subscribeSession(() => {
  if (sessionUserId() === stateUserId) return;
  stateUserId = sessionUserId();
  inflight = null;
  set({ me: undefined, error: undefined, loading: false });
});

/** The last /me answer and whether a load is under way. */
export function readMe(): MeState {
  return state;
}

export function subscribeMe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Refreshes the session when /me shows roles the access token does not carry (or no longer does). */
async function refreshIfStale(me: Me): Promise<void> {
  const token = accessToken();
  const inToken = token ? tokenGrants(token) : undefined;
  if (inToken && grantsKey(inToken) !== grantsKey(me.grants)) await refreshSession();
}

/** Ends 代办 for someone who is no longer an active dependent of this user (or staff 代办 for a non-staff user). */
function reconcileActingFor(me: Me): void {
  const acting = readActingFor();
  if (!acting) return;
  const stillAllowed =
    acting.via === 'staff'
      ? me.grants.some((grant) => grant.role === 'staff' || grant.role === 'admin')
      : me.dependents.some((link) => link.status === 'active' && link.dependent.memberId === acting.memberId);
  if (acting.userId !== me.userId || !stillAllowed) stopActingFor();
}

/** Loads /me (one request at a time); resolves with it, or undefined when signed out or failed. */
export function loadMe(): Promise<Me | undefined> {
  const userId = sessionUserId();
  if (!userId) return Promise.resolve(undefined);
  if (inflight) return inflight;
  stateUserId = userId;
  set({ ...state, loading: true, error: undefined });
  const request: Promise<Me | undefined> = api.call('getMe', { toast: false }).then(
    async (me) => {
      if (inflight !== request) return undefined;
      // Refresh before showing the new roles, so a tap on a page they open already sends them.
      await refreshIfStale(me);
      if (inflight !== request) return undefined; // signed out meanwhile
      reconcileActingFor(me);
      set({ me, error: undefined, loading: false });
      return me;
    },
    (error: ApiError) => {
      if (inflight !== request) return undefined;
      // A token the server no longer accepts: signed out. (An expired one that could not be
      // refreshed for want of a network stays, and the page offers 重试.)
      if (error.status === 401 && error.code !== 'TOKEN_EXPIRED') clearSession();
      else set({ ...state, error, loading: false });
      return undefined;
    },
  );
  inflight = request;
  void request.finally(() => {
    if (inflight === request) inflight = null;
  });
  return request;
}

/** The roles of a user, each once, in a fixed order. */
export function rolesOf(me: Pick<Me, 'grants'>): Role[] {
  const order: Role[] = ['resident', 'volunteer', 'merchant', 'staff', 'street', 'admin'];
  const held = new Set(me.grants.map((grant) => grant.role));
  return order.filter((role) => held.has(role));
}

/**
 * The community a staff member works in: the shown one when they are its staff (an admin is
 * staff anywhere), else their first; undefined for everyone else.
 */
export function staffCommunityOf(me: Pick<Me, 'grants'>, current: string | undefined): string | undefined {
  const staff = me.grants.filter((grant) => grant.role === 'staff' && grant.communityId);
  if (current && staff.some((grant) => grant.communityId === current)) return current;
  if (staff[0]) return staff[0].communityId;
  return me.grants.some((grant) => grant.role === 'admin') ? current : undefined;
}

/** Forgets everything (tests). */
export function resetMeStore(): void {
  state = { me: undefined, error: undefined, loading: false };
  stateUserId = null;
  inflight = null;
}
