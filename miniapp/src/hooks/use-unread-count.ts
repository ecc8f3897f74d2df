import { useDidShow } from '@tarojs/taro';
import { useEffect, useSyncExternalStore } from 'react';
import { loadUnread, readUnread, subscribeUnread } from '../services/unread';
import { useSignedInUser } from './use-session';

/** How many messages are unread, asked again on sign-in and each time the page shows. */
export function useUnreadCount(): number {
  const userId = useSignedInUser();
  const unread = useSyncExternalStore(subscribeUnread, readUnread, readUnread);

  useEffect(() => {
    void loadUnread();
  }, [userId]);
  // Tab pages stay mounted: 我的 shows messages that arrived while the person was elsewhere.
  useDidShow(() => {
    void loadUnread();
  });

  return unread;
}
