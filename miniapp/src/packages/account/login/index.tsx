import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { DEV_LOGIN } from '../../../constants';
import { useDevLogins, useLogin } from '../../../hooks/use-login';
import { goBackOrMine as leaveLogin } from '../../../utils/navigation';
import './index.css';

function DevLogins({ login }: { login: ReturnType<typeof useLogin> }) {
  const devLogins = useDevLogins();
  const run = async (attempt: Promise<boolean | undefined>) => {
    if (await attempt) leaveLogin();
  };

  if (!devLogins.data) {
    if (devLogins.error?.code === 'DEV_MODE_OFF') {
      return (
        <View className="linli-card">
          <Text className="login__text">{devLogins.error.message}</Text>
        </View>
      );
    }
    return (
      <RequestStatus what="演示账号" loading={devLogins.loading} error={devLogins.error} onRetry={devLogins.reload} />
    );
  }
  return (
    <View>
      <Text className="linli-section-title">演示账号</Text>
      <Text className="login__note linli-muted">本地体验环境，不需要微信，点一位居民即可登录。</Text>
      {devLogins.data.users.map((user) => (
        <View
          key={user.code}
          className={`login__user${login.pending ? ' login__user--busy' : ''}`}
          role="button"
          onClick={() => void run(login.loginAs(user.code))}
        >
          <Text className="login__user-name">{user.name}</Text>
          <Text className="login__user-role">{user.roleLabel}</Text>
        </View>
      ))}
      <View className="login__user login__user--new" role="button" onClick={() => void run(login.loginAsNewcomer())}>
        <Text className="login__user-name">以新居民身份体验</Text>
        <Text className="login__user-role">一位刚注册、尚未认证的新用户，可以体验申请居民认证</Text>
      </View>
    </View>
  );
}

/** 登录: WeChat login in the mini-program; the local demo users on H5 and dev builds. */
export default function LoginPage() {
  const login = useLogin();
  const wechat = process.env.TARO_ENV === 'weapp';

  return (
    <PageShell className="login">
      <View className="linli-card">
        <Text className="login__title">登录邻里</Text>
        <Text className="login__text">登录后可以申请居民认证、绑定需要代办的家人，参与社区事务。</Text>
        {wechat ? (
          <Button
            className="login__wechat"
            type="primary"
            size="large"
            block
            loading={login.pending}
            onClick={() => void login.loginWithWechat().then((ok) => ok && leaveLogin())}
          >
            微信一键登录
          </Button>
        ) : null}
      </View>
      {DEV_LOGIN ? <DevLogins login={login} /> : null}
    </PageShell>
  );
}
