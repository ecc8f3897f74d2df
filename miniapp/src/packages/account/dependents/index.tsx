import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { FormField } from '../../../components/form-field';
import { addressOf, MemberCard } from '../../../components/member-card';
import { PersonFields } from '../../../components/person-fields';
import { PageShell } from '../../../components/page-shell';
import { SignInFirst } from '../../../components/sign-in-first';
import { RequestStatus } from '../../../components/request-status';
import { StatusTag } from '../../../components/status-tag';
import { RELATIONS } from '../../../constants';
import { useDraftForm } from '../../../hooks/use-draft-form';
import { useHousehold, useRequestDependentLink } from '../../../hooks/use-dependents';
import { useMe } from '../../../hooks/use-me';
import { todayInShanghai } from '../../../services/form-rules';
import { goBackOrMine } from '../../../utils/navigation';
import { linkDraftErrors, type LinkDraft } from './rules';
import './index.css';

type Requested = NonNullable<Awaited<ReturnType<ReturnType<typeof useRequestDependentLink>['submit']>>>;

function Submitted({ link }: { link: Requested }) {
  return (
    <PageShell className="dependents">
      <MemberCard member={link.dependent} badge={<StatusTag tone="waiting">待社区确认</StatusTag>}>
        <Text className="dependents__text">关系：{link.relation}</Text>
        <Text className="dependents__text linli-muted">
          绑定申请已提交。社区工作人员确认后，您就可以在“我的”里为{link.dependent.realName}代办。
        </Text>
      </MemberCard>
      <Button className="dependents__submit" type="primary" size="large" block onClick={goBackOrMine}>
        返回我的
      </Button>
    </PageShell>
  );
}

/** 绑定家人: a member of my household, or a new person, and how they are related to me. */
export default function DependentsPage() {
  const me = useMe();
  const isMember = Boolean(me.me?.member);
  const household = useHousehold(isMember);
  const request = useRequestDependentLink();
  const today = todayInShanghai();
  const { draft, update, shown, check } = useDraftForm<LinkDraft>(
    {
      mode: 'household',
      memberId: undefined,
      realName: '',
      birthDate: '',
      phone: '',
      relation: undefined,
    },
    (next) => linkDraftErrors(next, today),
    request.fieldErrors,
  );
  const [submitted, setSubmitted] = useState<Requested>();

  if (submitted) return <Submitted link={submitted} />;

  if (!me.me) {
    return (
      <PageShell className="dependents">
        {me.signedIn ? (
          <RequestStatus what="我的信息" loading={me.loading} error={me.error} onRetry={me.reload} />
        ) : (
          <SignInFirst titleClassName="dependents__title" buttonClassName="dependents__submit" />
        )}
      </PageShell>
    );
  }

  if (!isMember) {
    return (
      <PageShell className="dependents">
        <View className="linli-card">
          <Text className="dependents__title">请先完成居民认证</Text>
          <Text className="dependents__text linli-muted">只有认证居民才能绑定同户的家人。</Text>
          <Button className="dependents__submit" type="primary" size="large" block onClick={goBackOrMine}>
            返回我的
          </Button>
        </View>
      </PageShell>
    );
  }

  const linked = new Map(me.me.dependents.map((link) => [link.dependent.memberId, link]));
  const candidates = (household.data?.members ?? []).filter((member) => !linked.has(member.memberId));

  const submit = async () => {
    if (!check()) {
      void Taro.showToast({ title: '请按红字提示修改', icon: 'none', duration: 2000 });
      return;
    }
    const relation = draft.relation!;
    const link = await request.submit(
      draft.mode === 'household'
        ? { memberId: draft.memberId!, relation }
        : {
            realName: draft.realName.trim(),
            birthDate: draft.birthDate,
            relation,
            ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
          },
    );
    if (link) setSubmitted(link);
  };

  return (
    <PageShell className="dependents">
      <View className="linli-card">
        <Text className="dependents__title">为家人代办</Text>
        <Text className="dependents__text linli-muted">
          绑定和您同住（{addressOf(me.me.member!)}
          ）的家人后，可以替不方便用手机的老人办理社区事务。社区工作人员确认后生效。
        </Text>
      </View>

      <View className="linli-card">
        <FormField label="要绑定谁">
          <ChoiceChips
            label="要绑定谁"
            wide
            choices={[
              { value: 'household', label: '同户的家人' },
              { value: 'new', label: '登记新家人' },
            ]}
            value={draft.mode}
            onChange={(mode) => update({ mode })}
          />
        </FormField>

        {draft.mode === 'household' ? (
          household.data ? (
            <FormField
              label="选择家人"
              error={shown('memberId')}
              hint={candidates.length ? '社区档案中与您同户的成员' : undefined}
            >
              {candidates.length ? (
                <ChoiceChips
                  label="选择家人"
                  wide
                  choices={candidates.map((member) => ({
                    value: member.memberId,
                    label: member.realName,
                    note: `${member.age}岁${member.hasWeChat ? '' : ' · 未使用微信'}`,
                  }))}
                  value={draft.memberId}
                  onChange={(memberId) => update({ memberId })}
                />
              ) : (
                <Text className="dependents__text">
                  您家中没有其他可以绑定的已登记成员。家人还没有登记时，请选“登记新家人”。
                </Text>
              )}
              {[...linked.values()].map((link) => (
                <View className="dependents__linked" key={link.linkId}>
                  <Text>
                    {link.dependent.realName}（{link.relation}）
                  </Text>
                  <StatusTag tone={link.status === 'active' ? 'ok' : 'waiting'}>
                    {link.status === 'active' ? '已绑定' : '待确认'}
                  </StatusTag>
                </View>
              ))}
            </FormField>
          ) : (
            <RequestStatus
              what="同户家人"
              loading={household.loading}
              error={household.error}
              onRetry={household.reload}
            />
          )
        ) : (
          <PersonFields
            value={draft}
            errorOf={shown}
            onChange={update}
            today={today}
            nameLabel="家人姓名"
            birthInitial="1945-01-01"
            phoneLabel="手机号"
            phoneHint="老人没有手机可以不填"
            phoneOptional
          />
        )}

        <FormField label="TA 是您的" error={shown('relation')}>
          <ChoiceChips
            label="与您的关系"
            choices={RELATIONS.map((relation) => ({ value: relation, label: relation }))}
            value={draft.relation}
            onChange={(relation) => update({ relation })}
          />
        </FormField>
      </View>

      {request.error && Object.keys(request.fieldErrors).length === 0 ? (
        <Text className="dependents__error" aria-live="assertive">
          {request.error.message}
        </Text>
      ) : null}
      <Button
        className="dependents__submit"
        type="primary"
        size="large"
        block
        loading={request.pending}
        onClick={() => void submit()}
      >
        提交绑定申请
      </Button>
    </PageShell>
  );
}
