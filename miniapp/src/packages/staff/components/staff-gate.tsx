import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { SignInFirst } from '../../../components/sign-in-first';
import { RequestStatus } from '../../../components/request-status';
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
      <SignInFirst
        titleClassName="staff__title"
        why="社区工作台仅供社区工作人员使用，请用工作人员的微信登录。"
        textClassName="staff__text"
        buttonClassName="staff__action"
      />
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
