import { useSyncExternalStore } from 'react';
import { sessionUserId, subscribeSession } from '../services/session';

/** The signed-in user's id, or null; re-renders on login and logout. */
export function useSignedInUser(): string | null {
  return useSyncExternalStore(subscribeSession, sessionUserId, sessionUserId);
}
