import { checkBirthDate, checkPhone, checkRealName, checkRoom, collectErrors } from '../../../services/form-rules';

/** A member record as staff type it for someone without WeChat. */
export interface RegistrationDraft {
  buildingId: string | undefined;
  unitId: string | undefined;
  room: string;
  realName: string;
  birthDate: string;
  phone: string;
}

export const emptyRegistration: RegistrationDraft = {
  buildingId: undefined,
  unitId: undefined,
  room: '',
  realName: '',
  birthDate: '',
  phone: '',
};

/** What is wrong with a draft, per field; empty when it may be sent. The phone is optional. */
export function registrationDraftErrors(draft: RegistrationDraft, today: string) {
  return collectErrors<keyof RegistrationDraft>({
    buildingId: draft.buildingId ? null : '请选择楼栋',
    unitId: draft.unitId ? null : '请选择单元',
    room: checkRoom(draft.room),
    realName: checkRealName(draft.realName),
    birthDate: checkBirthDate(draft.birthDate, today),
    phone: checkPhone(draft.phone, true),
  });
}
