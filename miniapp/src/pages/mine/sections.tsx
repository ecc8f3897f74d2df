/** The parts of 我的, each for one thing the signed-in person may see or do. */
import Taro from '@tarojs/taro';
import { TEMPLATE_LABELS } from '@linli/shared/contract/notify';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { addressOf, MemberCard } from '../../components/member-card';
import { RequestStatus } from '../../components/request-status';
import { StatusTag } from '../../components/status-tag';
import { ROLE_LABELS, SUB_PAGES } from '../../constants';
import { useActingFor } from '../../hooks/use-acting-for';
import { useConsent } from '../../hooks/use-consent';
import type { Me } from '../../hooks/use-me';
import { rolesOf } from '../../services/me';
import { formatShanghai } from '../../utils/time';

const open = (url: string) => () => void Taro.navigateTo({ url });

export function SignedOut() {
  return (
    <View className="linli-card mine__signed-out">
      <Text className="mine__title">您还没有登录</Text>
      <Text className="mine__text linli-muted">登录后可以申请居民认证、绑定家人代办，参与社区议事和长者食堂。</Text>
      <Button className="mine__button" type="primary" size="large" block onClick={open(SUB_PAGES.login)}>
        登录
      </Button>
    </View>
  );
}

export function Profile({ me }: { me: Me }) {
  const roles = rolesOf(me);
  return (
    <View className="linli-card mine__profile">
      <View className="mine__avatar" aria-hidden>
        <Text>{me.name.slice(0, 1)}</Text>
      </View>
      <View className="mine__profile-body">
        <Text className="mine__name">{me.name}</Text>
        <View className="mine__roles" aria-label="我的身份">
          {roles.length === 0 ? (
            <StatusTag tone="neutral">尚未认证</StatusTag>
          ) : (
            roles.map((role) => (
              <StatusTag key={role} tone="ok">
                {ROLE_LABELS[role]}
              </StatusTag>
            ))
          )}
        </View>
      </View>
    </View>
  );
}

/** The member card, or where the application stands, or the way to apply. */
export function Membership({ me }: { me: Me }) {
  if (me.member) {
    return <MemberCard member={me.member} badge={<StatusTag tone="ok">已认证</StatusTag>} />;
  }
  const application = me.latestApplication;
  if (application?.status === 'pending') {
    return (
      <View className="linli-card mine__application">
        <View className="mine__row">
          <Text className="mine__title">认证申请</Text>
          <StatusTag tone="waiting">审核中</StatusTag>
        </View>
        <Text className="mine__text">您的申请已提交，社区工作人员核对后会尽快处理。</Text>
        <Text className="mine__text linli-muted">
          {application.communityName} {addressOf(application)} · {application.realName}
        </Text>
        <Text className="mine__text linli-muted">提交时间：{formatShanghai(application.createdAt)}</Text>
      </View>
    );
  }
  if (application?.status === 'rejected') {
    return (
      <View className="linli-card mine__application">
        <View className="mine__row">
          <Text className="mine__title">认证申请</Text>
          <StatusTag tone="bad">已驳回</StatusTag>
        </View>
        <Text className="mine__text">驳回原因：{application.reason ?? '未填写'}</Text>
        <Text className="mine__text linli-muted">
          申请的住址：{application.communityName} {addressOf(application)}
        </Text>
        <Button className="mine__button" type="primary" size="large" block onClick={open(SUB_PAGES.apply)}>
          重新申请
        </Button>
      </View>
    );
  }
  return (
    <View className="linli-card mine__application">
      <Text className="mine__title">您还不是认证居民</Text>
      <Text className="mine__text linli-muted">认证后可以参与社区议事、预订长者食堂，并为家人代办。</Text>
      <Button className="mine__button" type="primary" size="large" block onClick={open(SUB_PAGES.apply)}>
        申请居民认证
      </Button>
    </View>
  );
}

/** 家人代办: each linked dependent with their state, and acting for an active one. */
export function Dependents({ me }: { me: Me }) {
  const { acting, start, starting, stop } = useActingFor();
  return (
    <View className="linli-card mine__dependents">
      <Text className="mine__text linli-muted">为不方便用手机的家人办理社区事务，需社区工作人员确认后生效。</Text>
      {me.dependents.length === 0 ? <Text className="mine__empty">还没有绑定家人</Text> : null}
      {me.dependents.map((link) => {
        const person = link.dependent;
        const isActing = acting?.memberId === person.memberId;
        return (
          <View className="mine__dependent" key={link.linkId} aria-label={`家人 ${person.realName}`}>
            <View className="mine__row">
              <Text className="mine__dependent-name">{person.realName}</Text>
              {link.status === 'active' ? (
                <StatusTag tone="ok">已绑定</StatusTag>
              ) : (
                <StatusTag tone="waiting">待确认</StatusTag>
              )}
            </View>
            <Text className="mine__text linli-muted">
              {link.relation} · {person.age}岁 · {addressOf(person)}
            </Text>
            {link.status === 'active' ? (
              isActing ? (
                <Button className="mine__button" size="large" block onClick={stop}>
                  退出代办
                </Button>
              ) : (
                <Button
                  className="mine__button"
                  type="primary"
                  fill="outline"
                  size="large"
                  block
                  loading={starting}
                  onClick={() => void start(person.memberId)}
                >
                  为{person.realName}代办
                </Button>
              )
            ) : (
              <Text className="mine__text linli-muted">等待社区工作人员确认</Text>
            )}
          </View>
        );
      })}
      <Button className="mine__button" size="large" block onClick={open(SUB_PAGES.dependents)}>
        绑定家人
      </Button>
    </View>
  );
}

/** 消息提醒: which WeChat messages are on (each 允许 in WeChat's dialog allows one message). */
export function MessageReminders({ userId }: { userId: string }) {
  const consent = useConsent(userId);
  if (!consent.data) {
    return <RequestStatus what="消息提醒" loading={consent.loading} error={consent.error} onRetry={consent.reload} />;
  }
  return (
    <View className="linli-card mine__reminders">
      <Text className="linli-muted">在预约、订餐、报名、兑换时点“允许”，微信就会提醒您一次。</Text>
      {consent.data.granted.map(({ template, remaining }) => (
        <View key={template} className="mine__reminder">
          <Text className="mine__reminder-name">{TEMPLATE_LABELS[template]}</Text>
          <StatusTag tone={remaining > 0 ? 'ok' : 'neutral'}>
            {remaining > 0 ? `已开启 · 还可提醒 ${remaining} 次` : '未开启'}
          </StatusTag>
        </View>
      ))}
    </View>
  );
}
