import type { Relation } from '../../../constants';
import { checkBirthDate, checkPhone, checkRealName, collectErrors } from '../../../services/form-rules';

/** Linking a dependent: someone already in my household, or a new person to register. */
export interface LinkDraft {
  mode: 'household' | 'new';
  memberId: string | undefined;
  realName: string;
  birthDate: string;
  phone: string;
  relation: Relation | undefined;
}

/** What is wrong with a draft, per field; empty when it may be sent. */
export function linkDraftErrors(draft: LinkDraft, today: string) {
  const relation = draft.relation ? null : '请选择与您的关系';
  if (draft.mode === 'household') {
    return collectErrors({ memberId: draft.memberId ? null : '请选择要绑定的家人', relation });
  }
  return collectErrors({
    realName: checkRealName(draft.realName),
    birthDate: checkBirthDate(draft.birthDate, today),
    phone: checkPhone(draft.phone, true),
    relation,
  });
}
