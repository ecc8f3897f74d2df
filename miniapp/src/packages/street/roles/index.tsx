import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { StatusTag } from '../../../components/status-tag';
import { ROLE_LABELS } from '../../../constants';
import {
  useRevokeInvite,
  useRevokeRole,
  useRoleAudit,
  useRoleHolders,
  useStreetInvites,
  type RoleHolder,
} from '../../../hooks/use-street-console';
import { formatShanghai } from '../../../utils/time';
import { AUDIT_ACTIONS, INVITE_ROLE_NAMES, INVITE_STATUS, spokenCode } from '../components/labels';
import { StreetGate } from '../components/street-gate';
import '../components/street.css';

async function confirmed(title: string, content: string, confirmText: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title, content, confirmText, cancelText: '取消' });
  return confirm;
}

const placeOf = (holder: { role: string; communityName?: string }) =>
  holder.role === 'street' ? '本街道' : (holder.communityName ?? '');

function Holders({ streetId, onChanged }: { streetId: string; onChanged: () => void }) {
  const holders = useRoleHolders(streetId);
  const revoke = useRevokeRole(streetId);
  if (!holders.data) {
    return <RequestStatus what="人员名单" loading={holders.loading} error={holders.error} onRetry={holders.reload} />;
  }
  const remove = async (holder: RoleHolder) => {
    const sure = await confirmed(
      '免去职务',
      `确定免去 ${holder.name} 的${placeOf(holder)}${ROLE_LABELS[holder.role]}职务吗？对方需重新登录，不再能使用工作台。`,
      '免去',
    );
    if (!sure || holder.role === 'admin') return;
    const done = await revoke.submit({ userId: holder.userId, role: holder.role, communityId: holder.communityId });
    if (!done) return;
    void Taro.showToast({ title: `已免去 ${holder.name} 的职务`, icon: 'none', duration: 2000 });
    holders.reload();
    onChanged();
  };
  return (
    <View className="linli-card">
      {holders.data.items.length === 0 ? <Text className="street__text">还没有人担任职务</Text> : null}
      {holders.data.items.map((holder) => (
        <View
          className="street__list-item"
          key={`${holder.userId}:${holder.role}:${holder.communityId ?? ''}`}
          role="group"
          aria-label={`${holder.name} ${ROLE_LABELS[holder.role]}`}
        >
          <View className="street__row">
            <Text className="street__name">{holder.name}</Text>
            <StatusTag tone="ok">{ROLE_LABELS[holder.role]}</StatusTag>
          </View>
          <Text className="street__text linli-muted">
            {`${placeOf(holder)} · ${formatShanghai(holder.grantedAt)} 由 ${holder.grantedByName} 任命`}
          </Text>
          {holder.role !== 'admin' ? (
            <Button className="street__submit" size="large" block onClick={() => void remove(holder)}>
              免去职务
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}

function Invites({ streetId, onChanged }: { streetId: string; onChanged: () => void }) {
  const invites = useStreetInvites(streetId);
  const revoke = useRevokeInvite(streetId);
  if (!invites.data) {
    return <RequestStatus what="邀请" loading={invites.loading} error={invites.error} onRetry={invites.reload} />;
  }
  const withdraw = async (code: string, inviteeName: string) => {
    if (!(await confirmed('撤销邀请', `确定撤销给 ${inviteeName} 的邀请吗？邀请码将立即失效。`, '撤销'))) return;
    if (!(await revoke.submit(code))) return;
    void Taro.showToast({ title: '邀请已撤销', icon: 'none', duration: 2000 });
    invites.reload();
    onChanged();
  };
  return (
    <View className="linli-card">
      {invites.data.items.length === 0 ? <Text className="street__text">还没有发出邀请</Text> : null}
      {invites.data.items.map((invite) => {
        const status = INVITE_STATUS[invite.status];
        return (
          <View
            className="street__list-item"
            key={invite.code}
            role="group"
            aria-label={`给 ${invite.inviteeName} 的邀请`}
          >
            <View className="street__row">
              <Text className="street__name">{invite.inviteeName}</Text>
              <StatusTag tone={status.tone}>{status.text}</StatusTag>
            </View>
            <Text className="street__text linli-muted">
              {`${INVITE_ROLE_NAMES[invite.role]} · ${invite.communityName ?? invite.streetName ?? ''}`}
            </Text>
            <Text className="street__text">{`邀请码 ${spokenCode(invite.code)} · 有效期至 ${formatShanghai(invite.validUntil)}`}</Text>
            {invite.status === 'open' ? (
              <Button
                className="street__submit"
                size="large"
                block
                onClick={() => void withdraw(invite.code, invite.inviteeName)}
              >
                撤销邀请
              </Button>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}

function Audit({ streetId }: { streetId: string }) {
  const audit = useRoleAudit(streetId);
  if (!audit.data)
    return <RequestStatus what="任免记录" loading={audit.loading} error={audit.error} onRetry={audit.reload} />;
  return (
    <View className="linli-card">
      {audit.data.items.length === 0 ? <Text className="street__text">还没有任免记录</Text> : null}
      {audit.data.items.map((entry) => (
        <View className="street__list-item" key={entry.id}>
          <Text className="street__text">
            {`${formatShanghai(entry.at)} ${entry.byName} ${AUDIT_ACTIONS[entry.action]}：${entry.name}（${INVITE_ROLE_NAMES[entry.role]}${entry.communityName ? ` · ${entry.communityName}` : ''}）`}
          </Text>
        </View>
      ))}
    </View>
  );
}

function People({ streetId }: { streetId: string }) {
  // A revoke adds an audit line: the list is drawn again from the server.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  return (
    <>
      <Text className="linli-section-title">担任职务的人</Text>
      <Holders streetId={streetId} onChanged={changed} />
      <Text className="linli-section-title">邀请</Text>
      <Invites streetId={streetId} onChanged={changed} />
      <Text className="linli-section-title">任免记录</Text>
      <Audit key={changes} streetId={streetId} />
    </>
  );
}

/** 人员与任免: who holds which role (with 免去), the invites (with 撤销) and the audit list. */
export default function StreetRolesPage() {
  const { params } = useRouter();
  return (
    <PageShell className="street">
      <StreetGate streetId={params.streetId}>
        {({ streetId }) => (streetId ? <People streetId={streetId} /> : null)}
      </StreetGate>
    </PageShell>
  );
}
