import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { loadMe, readMe, subscribeMe, type MeState } from '../services/me';
import { useSignedInUser } from './use-session';

export type { Me } from '../services/me';

export interface UseMe extends MeState {
  signedIn: boolean;
  /** Loads /me again (重试, or after an action that changes it). */
  reload: () => void;
}

/** Who is signed in (GET /me), loaded on sign-in and again each time the page shows. */
export function useMe(): UseMe {
  const userId = useSignedInUser();
  const state = useSyncExternalStore(subscribeMe, readMe, readMe);

  useEffect(() => {
    if (userId) void loadMe();
  }, [userId]);
  // Tab pages stay mounted: 我的 shows what changed while the person was on another page.
  useDidShow(() => {
    void loadMe();
  });

  const reload = useCallback(() => void loadMe(), []);
  return { ...state, signedIn: userId !== null, reload };
}
