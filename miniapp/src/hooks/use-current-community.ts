import { useSyncExternalStore } from 'react';
import {
  chooseCommunity,
  chosenCommunity,
  communitiesOf,
  currentCommunityOf,
  subscribeCommunity,
} from '../services/current-community';
import { useMe } from './use-me';

/** The community every page follows, the user's communities to switch among, and the switch. */
export function useCurrentCommunity() {
  const me = useMe();
  const chosen = useSyncExternalStore(subscribeCommunity, chosenCommunity, chosenCommunity);
  return {
    communityId: currentCommunityOf(me.me, chosen),
    communities: communitiesOf(me.me),
    choose: chooseCommunity,
    me,
  };
}
