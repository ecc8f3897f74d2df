import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { FormError } from '../../../components/form-error';
import { InputField } from '../../../components/input-field';
import { PageShell } from '../../../components/page-shell';
import { SignInButton } from '../../../components/sign-in-first';
import { RequestStatus } from '../../../components/request-status';
import { SUB_PAGES } from '../../../constants';
import { useBindPartner } from '../../../hooks/use-care';
import { useMe } from '../../../hooks/use-me';
import { partnerGrantOf } from '../components/care-gate';
import '../components/care.css';

/** Invite codes are read aloud over the phone: spaces and dashes someone typed in between are dropped. */
export const tidyCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

function BindForm() {
  const bind = useBindPartner();
  const [code, setCode] = useState('');
  const [tried, setTried] = useState(false);
  const tidy = tidyCode(code);
  const own = tidy.length < 6 ? '请输入社区给的邀请码（至少 6 位）' : null;
  const send = async () => {
    setTried(true);
    if (own) return;
    const bound = await bind.submit(tidy);
    if (!bound) return;
    void Taro.showToast({ title: `已绑定：${bound.partnerName}`, icon: 'none', duration: 2000 });
    void Taro.redirectTo({ url: SUB_PAGES.careWall });
  };
  return (
    <View className="linli-card">
      <Text className="care__title">绑定共建单位</Text>
      <Text className="care__text linli-muted">
        社区登记贵单位后，会给经办人一个邀请码。输入后，这个微信号就是贵单位的经办人，可以认领定向给贵单位的心愿。
      </Text>
      <InputField
        label="邀请码"
        hint="8 位字母和数字，大小写都可以，中间可以空格"
        error={tried ? (own ?? bind.fieldErrors.inviteCode ?? null) : null}
        value={code}
        maxlength={20}
        placeholder="8 位，如 ABCD EFGH"
        onInput={setCode}
      />
      {bind.error && !bind.fieldErrors.inviteCode ? (
        <FormError message={bind.error.message} onDismiss={bind.dismiss} />
      ) : null}
      <Button
        className="care__action"
        type="primary"
        size="large"
        block
        loading={bind.pending}
        onClick={() => void send()}
      >
        绑定单位
      </Button>
    </View>
  );
}

/** 共建单位绑定: the operator types the unit's invite code; once bound, the wall shows what is offered to the unit. */
export default function PartnerBindPage() {
  const { me, signedIn, loading, error, reload } = useMe();
  const bound = partnerGrantOf(me);
  return (
    <PageShell className="care-bind">
      {!signedIn ? (
        <View className="linli-card">
          <Text className="care__text">请先登录，再输入邀请码。</Text>
          <SignInButton className="care__action" />
        </View>
      ) : !me ? (
        <RequestStatus what="我的信息" loading={loading} error={error} onRetry={reload} />
      ) : bound ? (
        <View className="linli-card">
          <Text className="care__title">已绑定共建单位</Text>
          <Button
            className="care__action"
            type="primary"
            size="large"
            block
            onClick={() => void Taro.redirectTo({ url: SUB_PAGES.careWall })}
          >
            去心愿墙
          </Button>
        </View>
      ) : (
        <BindForm />
      )}
    </PageShell>
  );
}
