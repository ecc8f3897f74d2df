import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { PageShell } from '../../../components/page-shell';
import { TextField } from '../../../components/text-field';
import { SUB_PAGES, TAB_PAGES } from '../../../constants';
import { useAcceptInvite, useInvite, type Invite } from '../../../hooks/use-onboarding';
import { useMe } from '../../../hooks/use-me';
import { formatShanghai } from '../../../utils/time';
import '../onboarding.css';

const ROLE_NAMES: Record<Invite['role'], string> = {
  admin: '平台管理员',
  street: '街道管理员',
  staff: '社区工作人员',
};

const STATUS_NOTES: Record<Invite['status'], string> = {
  open: '',
  used: '该邀请已被使用，每个邀请只能用一次',
  revoked: '该邀请已被撤销，请联系邀请人',
  expired: '该邀请已过期（72 小时内有效），请联系邀请人重新发送',
};

function placeOf(invite: Invite): string {
  return [invite.streetName, invite.communityName].filter(Boolean).join(' · ') || '邻里平台';
}

/** 接受邀请: opened from the invite's QR code (or its 8-character code typed in), signed in, accepted. */
export default function InvitePage() {
  const { params } = useRouter();
  const [typed, setTyped] = useState('');
  const [code, setCode] = useState(params.code?.toUpperCase());
  const me = useMe();
  const invite = useInvite(code);
  const accept = useAcceptInvite();

  if (!me.signedIn) {
    return (
      <PageShell className="onboarding">
        <View className="linli-card">
          <Text className="onboarding__text">请先登录，再接受邀请。</Text>
          <Button
            className="onboarding__button"
            type="primary"
            onClick={() => void Taro.navigateTo({ url: SUB_PAGES.login })}
          >
            登录
          </Button>
        </View>
      </PageShell>
    );
  }

  const run = async () => {
    if (!code || !(await accept.submit(code))) return;
    void Taro.showToast({ title: '已接受邀请', icon: 'success', duration: 2000 });
    void Taro.switchTab({ url: TAB_PAGES.mine });
  };

  return (
    <PageShell className="onboarding">
      <View className="linli-card">
        <Text className="onboarding__label">邀请码（8 位）</Text>
        <TextField
          label="邀请码（8 位）"
          value={typed || code || ''}
          maxlength={8}
          onInput={setTyped}
          placeholder="如 K7M2QX9P"
        />
        <Button className="onboarding__button" onClick={() => setCode(typed.trim().toUpperCase())}>
          查看邀请
        </Button>
        {invite.error && <Text className="onboarding__error">{invite.error.message}</Text>}
      </View>
      {invite.data && (
        <View className="linli-card">
          <Text className="onboarding__text">{`${invite.data.invitedByName} 邀请 ${invite.data.inviteeName}`}</Text>
          <Text className="onboarding__text">{`担任：${ROLE_NAMES[invite.data.role]}`}</Text>
          <Text className="onboarding__text">{`所属：${placeOf(invite.data)}`}</Text>
          <Text className="onboarding__text">{`有效期至：${formatShanghai(invite.data.validUntil)}`}</Text>
          {invite.data.status === 'open' ? (
            <Button className="onboarding__button" type="primary" loading={accept.pending} onClick={() => void run()}>
              接受邀请
            </Button>
          ) : (
            <Text className="onboarding__error">{STATUS_NOTES[invite.data.status]}</Text>
          )}
        </View>
      )}
    </PageShell>
  );
}
