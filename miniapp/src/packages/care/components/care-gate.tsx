import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import { CouncilGate } from '../../../components/council-gate';
import { SUB_PAGES } from '../../../constants';
import { useMe, type Me } from '../../../hooks/use-me';
import type { ActingFor } from '../../../services/acting-for';
import { useActingFor } from '../../../hooks/use-acting-for';

/** Who looks at a 微心愿 page, which decides what it offers. */
export type CareViewer =
  /** A resident or a caregiver acting for one (代办): posts wishes, and as a neighbour may claim others'. */
  | { kind: 'member'; communityId: string; acting: ActingFor | null }
  /** Staff acting for nobody: reads everything, offers the workbench. */
  | { kind: 'staff'; communityId: string }
  /** The operator of a partner unit (共建单位): claims what is offered to it. */
  | { kind: 'partner'; communityId: string; partnerId: string };

const CARE_WORDS = {
  action: '许心愿和认领心愿',
  intro: '有小小的心愿说出来，邻居、志愿者和共建单位帮您圆梦。登录并完成居民认证后，可以在这里许愿和认领。',
  apply: '微心愿由本社区的认证居民许下和认领。请先申请居民认证，社区核对住址后即可参与。',
};

/** The partner grant of an operator not acting for anyone. */
export function partnerGrantOf(me: Me | undefined) {
  const grant = me?.grants.find((g) => g.role === 'partner' && g.communityId && g.partnerId);
  return grant?.communityId && grant.partnerId
    ? { communityId: grant.communityId, partnerId: grant.partnerId }
    : undefined;
}

/**
 * 微心愿 pages for residents, caregivers (代办), staff and partner operators; a signed-in person
 * with none of those learns how to apply, or how a partner unit binds.
 */
export function CareGate({ children }: { children: (viewer: CareViewer) => ReactNode }) {
  const { me } = useMe();
  const { acting } = useActingFor();
  const partner = acting ? undefined : partnerGrantOf(me);
  if (partner) return <>{children({ kind: 'partner', ...partner })}</>;
  return (
    <CouncilGate words={CARE_WORDS}>
      {(viewer) => children(viewer.kind === 'member' ? viewer : { kind: 'staff', communityId: viewer.communityId })}
    </CouncilGate>
  );
}

/** The member a viewer acts for, for hook keys. */
export const actingIdOf = (viewer: CareViewer) => (viewer.kind === 'member' ? viewer.acting?.memberId : undefined);

/** For someone who came to bind a partner unit: the way to the invite-code page. */
export function PartnerBindHint() {
  return (
    <View className="linli-card">
      <Text className="care__title">共建单位经办人</Text>
      <Text className="care__text linli-muted">输入社区发给贵单位的邀请码，绑定后即可认领定向给贵单位的心愿。</Text>
      <Button
        className="care__action"
        size="large"
        block
        onClick={() => void Taro.navigateTo({ url: SUB_PAGES.careBind })}
      >
        用邀请码绑定单位
      </Button>
    </View>
  );
}
