/** A clean mini-program for each component test: nothing left over from the test before. */
import { resetActingForCache } from '../../miniapp/src/services/acting-for';
import { resetMeStore } from '../../miniapp/src/services/me';
import { resetSessionCache } from '../../miniapp/src/services/session';
import { resetTaroMock } from './taro-mock';

/** Resets the Taro mock (storage, navigation), the stored session, the acting-for choice and the me store. */
export function resetClientState(): void {
  resetTaroMock();
  resetSessionCache();
  resetActingForCache();
  resetMeStore();
}
