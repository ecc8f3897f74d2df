import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import { RequestStatus } from '../../../components/request-status';
import { SUB_PAGES } from '../../../constants';
import { useMe } from '../../../hooks/use-me';
import { staffCommunityOf } from '../../../services/me';
import { currentCommunityOf } from '../../../services/current-community';
import './staff.css';

interface StaffGateProps {
  /** The page itself, for the community this staff member works in. */
  children: (communityId: string) => ReactNode;
}

/** Shows a staff page only to staff (the server refuses everyone else anyway); others learn why. */
export function StaffGate({ children }: StaffGateProps) {
  const me = useMe();
  if (!me.signedIn) {
    return (
      <View className="linli-card">
        <Text className="staff__title">请先登录</Text>
        <Text className="staff__text linli-muted">社区工作台仅供社区工作人员使用，请用工作人员的微信登录。</Text>
        <Button
          className="staff__action"
          type="primary"
          size="large"
          block
          onClick={() => void Taro.navigateTo({ url: SUB_PAGES.login })}
        >
          登录
        </Button>
      </View>
    );
  }
  if (!me.me) return <RequestStatus what="我的信息" loading={me.loading} error={me.error} onRetry={me.reload} />;
  const communityId = staffCommunityOf(me.me, currentCommunityOf(me.me));
  if (!communityId) {
    return (
      <View className="linli-card">
        <Text className="staff__title">仅供社区工作人员使用</Text>
        <Text className="staff__text linli-muted">您的账号不是社区工作人员，无法使用社区工作台。</Text>
      </View>
    );
  }
  return <>{children(communityId)}</>;
}
