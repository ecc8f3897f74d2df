import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';
import { api } from '../services/api';
import {
  readActingFor,
  startActingFor,
  stopActingFor,
  subscribeActingFor,
  type ActingFor,
} from '../services/acting-for';
import { sessionUserId } from '../services/session';
import { useMutation } from './use-mutation';

/** 代办: whom the person acts for now, and starting or ending it. */
export function useActingFor() {
  const acting: ActingFor | null = useSyncExternalStore(subscribeActingFor, readActingFor, readActingFor);

  // The member's card comes from the server, which answers only for an active caregiver.
  const start = useMutation(async (memberId: string) => {
    const card = await api.call('getMember', { params: { memberId } });
    const userId = sessionUserId();
    if (!userId) return undefined;
    startActingFor({ memberId: card.memberId, realName: card.realName, age: card.age, userId });
    void Taro.showToast({ title: `开始为${card.realName}代办`, icon: 'none', duration: 2000 });
    return card;
  });

  return { acting, start: start.submit, starting: start.pending, stop: stopActingFor };
}
