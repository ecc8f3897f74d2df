import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { SignInFirst } from '../../../components/sign-in-first';
import { RequestStatus } from '../../../components/request-status';
import { useMe } from '../../../hooks/use-me';
import { isAdmin, operatedStreets } from '../../../hooks/use-street-console';
import './street.css';

export interface ConsoleViewer {
  admin: boolean;
  /** The street to show: the one asked for (admin: any; operator: one of theirs), else the operator's own. */
  streetId: string | undefined;
}

interface StreetGateProps {
  /** The street the page was opened for, if any. */
  streetId?: string;
  children: (viewer: ConsoleViewer) => ReactNode;
}

/** Shows the street console to platform admins and street operators; the server refuses everyone else anyway. */
export function StreetGate({ streetId, children }: StreetGateProps) {
  const me = useMe();
  if (!me.signedIn) {
    return (
      <SignInFirst
        titleClassName="street__name"
        why="街道工作台仅供平台管理员和街道管理员使用。"
        textClassName="street__text"
        buttonClassName="street__submit"
      />
    );
  }
  if (!me.me) return <RequestStatus what="我的信息" loading={me.loading} error={me.error} onRetry={me.reload} />;
  const admin = isAdmin(me.me);
  const own = operatedStreets(me.me);
  if (!admin && own.length === 0) {
    return (
      <View className="linli-card">
        <Text className="street__name">仅供街道管理员使用</Text>
        <Text className="street__text linli-muted">
          您的账号没有街道或平台的管理职务。如收到任命邀请，请先在“我的”里接受。
        </Text>
      </View>
    );
  }
  const chosen = streetId && (admin || own.includes(streetId)) ? streetId : own[0];
  return <>{children({ admin, streetId: chosen })}</>;
}
