import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import { RequestStatus } from '../../../components/request-status';
import { SUB_PAGES } from '../../../constants';
import { gridCommunityOf } from '../../../hooks/use-grid';
import { useMe } from '../../../hooks/use-me';
import { currentCommunityOf } from '../../../services/current-community';
import { staffCommunityOf } from '../../../services/me';
import './grid.css';

/** Shows a grid page to grid workers (and staff, who see every grid); others learn why. */
export function GridGate({ children }: { children: (communityId: string) => ReactNode }) {
  const me = useMe();
  if (!me.signedIn) {
    return (
      <View className="linli-card">
        <Text className="grid__title">请先登录</Text>
        <Text className="grid__text linli-muted">「我的网格」供网格员使用，请用网格员的微信登录。</Text>
        <Button type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: SUB_PAGES.login })}>
          登录
        </Button>
      </View>
    );
  }
  if (!me.me) return <RequestStatus what="我的信息" loading={me.loading} error={me.error} onRetry={me.reload} />;
  const communityId = gridCommunityOf(me.me) ?? staffCommunityOf(me.me, currentCommunityOf(me.me));
  if (!communityId) {
    return (
      <View className="linli-card">
        <Text className="grid__title">仅供网格员使用</Text>
        <Text className="grid__text linli-muted">您还不是网格员。网格员由社区工作人员在社区工作台任命。</Text>
      </View>
    );
  }
  return <>{children(communityId)}</>;
}
