import { checkBirthDate, checkPhone, checkRealName, checkRoom, collectErrors } from '../../../services/form-rules';

/** The application form as typed, before it is sent. */
export interface MembershipDraft {
  buildingId: string | undefined;
  unitId: string | undefined;
  room: string;
  realName: string;
  birthDate: string;
  phone: string;
}

/** What is wrong with a draft, per field, in the server's words; empty when it may be sent. */
export function membershipDraftErrors(draft: MembershipDraft, today: string) {
  return collectErrors<keyof MembershipDraft>({
    buildingId: draft.buildingId ? null : '请选择楼栋',
    unitId: draft.unitId ? null : '请选择单元',
    room: checkRoom(draft.room),
    realName: checkRealName(draft.realName),
    birthDate: checkBirthDate(draft.birthDate, today),
    phone: checkPhone(draft.phone),
  });
}
