import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { SignInFirst } from '../../../components/sign-in-first';
import { RequestStatus } from '../../../components/request-status';
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
      <SignInFirst
        titleClassName="grid__title"
        why="「我的网格」供网格员使用，请用网格员的微信登录。"
        textClassName="grid__text"
      />
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
