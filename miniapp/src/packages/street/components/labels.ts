/** Words the street console shows for roles, invite states and audit actions. */
import type { AuditEntry, ConsoleInvite } from '../../../hooks/use-street-console';

export const INVITE_ROLE_NAMES: Record<ConsoleInvite['role'], string> = {
  admin: '平台管理员',
  street: '街道管理员',
  staff: '社区工作人员',
};

export const INVITE_STATUS: Record<
  ConsoleInvite['status'],
  { text: string; tone: 'ok' | 'waiting' | 'bad' | 'neutral' }
> = {
  open: { text: '待接受', tone: 'waiting' },
  used: { text: '已接受', tone: 'ok' },
  revoked: { text: '已撤销', tone: 'neutral' },
  expired: { text: '已过期', tone: 'bad' },
};

export const AUDIT_ACTIONS: Record<AuditEntry['action'], string> = {
  invited: '发出邀请',
  appointed: '接受任命',
  removed: '免去职务',
  'invite-revoked': '撤销邀请',
  'phone-revealed': '查看完整电话',
};

/** "K7M2QX9P" → "K7M2 QX9P": two groups of four are easier to read aloud and type. */
export const spokenCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;
