import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import { SUB_PAGES } from '../../constants';
import { useCouncilViewer, type CouncilViewer } from '../../hooks/use-council';
import type { Me } from '../../hooks/use-me';
import { RequestStatus } from '../request-status';
import './index.css';

export type CouncilReader = Extract<CouncilViewer, { kind: 'member' | 'staff' }>;

const open = (url: string) => () => void Taro.navigateTo({ url });

/** What the gated pages let people do, for the gate's words (defaults: the council's). */
interface GateWords {
  /** 预约议事会 / 提议题和附议 */
  action: string;
  intro: string;
  /** Why and how to apply, for someone not yet a verified resident. */
  apply: string;
}

const COUNCIL_WORDS: GateWords = {
  action: '预约议事会',
  intro: '社区议事会讨论大家关心的事。登录并完成居民认证后，可以在这里预约座位、查看签到码。',
  apply: '议事会按楼栋邀请居民参加。请先申请居民认证，社区核对住址后即可预约。',
};

function SignedOut({ words }: { words: GateWords }) {
  return (
    <View className="linli-card council-gate">
      <Text className="council-gate__title">登录后{words.action}</Text>
      <Text className="council-gate__text linli-muted">{words.intro}</Text>
      <Button className="council-gate__button" type="primary" size="large" block onClick={open(SUB_PAGES.login)}>
        登录
      </Button>
    </View>
  );
}

/** Signed in but not a verified resident: where the application stands, or how to apply. */
function NotMember({ me, words }: { me: Me; words: GateWords }) {
  const application = me.latestApplication;
  if (application?.status === 'pending') {
    return (
      <View className="linli-card council-gate">
        <Text className="council-gate__title">居民认证审核中</Text>
        <Text className="council-gate__text linli-muted">
          社区工作人员核对后会尽快处理。认证通过后就可以{words.action}。
        </Text>
      </View>
    );
  }
  const rejected = application?.status === 'rejected';
  return (
    <View className="linli-card council-gate">
      <Text className="council-gate__title">认证居民才能{words.action}</Text>
      <Text className="council-gate__text linli-muted">
        {rejected ? `您的认证申请未通过（${application.reason ?? '未填写原因'}），修改后可以重新申请。` : words.apply}
      </Text>
      <Button className="council-gate__button" type="primary" size="large" block onClick={open(SUB_PAGES.apply)}>
        {rejected ? '重新申请' : '申请居民认证'}
      </Button>
    </View>
  );
}

/**
 * Council pages for those who may read them (verified residents, anyone acting for a member,
 * staff); everyone else learns what to do first, as 我的 tells them.
 */
export function CouncilGate({
  children,
  words = COUNCIL_WORDS,
}: {
  children: (viewer: CouncilReader) => ReactNode;
  words?: GateWords;
}) {
  const viewer = useCouncilViewer();
  switch (viewer.kind) {
    case 'signed-out':
      return <SignedOut words={words} />;
    case 'loading':
      return (
        <RequestStatus
          what="我的信息"
          loading={viewer.state.loading}
          error={viewer.state.error}
          onRetry={viewer.state.reload}
        />
      );
    case 'not-member':
      return <NotMember me={viewer.me} words={words} />;
    default:
      return <>{children(viewer)}</>;
  }
}
