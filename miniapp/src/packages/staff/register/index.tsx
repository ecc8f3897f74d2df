import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { HomeAddressFields } from '../../../components/home-address';
import { MemberCard } from '../../../components/member-card';
import { PersonFields } from '../../../components/person-fields';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { StatusTag } from '../../../components/status-tag';
import { SUB_PAGES } from '../../../constants';
import { useCommunity } from '../../../hooks/use-community';
import { useDraftForm } from '../../../hooks/use-draft-form';
import { useRegisterMember } from '../../../hooks/use-staff';
import { todayInShanghai } from '../../../services/form-rules';
import { StaffGate } from '../components/staff-gate';
import { emptyRegistration, registrationDraftErrors, type RegistrationDraft } from './rules';
import '../components/staff.css';

type Registered = NonNullable<Awaited<ReturnType<ReturnType<typeof useRegisterMember>['submit']>>>;

function Register({ communityId }: { communityId: string }) {
  const community = useCommunity(communityId);
  const register = useRegisterMember(communityId);
  const [registered, setRegistered] = useState<Registered>();
  const today = todayInShanghai();
  const { draft, update, shown, check, reset } = useDraftForm<RegistrationDraft>(
    emptyRegistration,
    (next) => registrationDraftErrors(next, today),
    register.fieldErrors,
  );

  const submit = async () => {
    if (!check()) {
      void Taro.showToast({ title: '请按红字提示修改', icon: 'none', duration: 2000 });
      return;
    }
    const member = await register.submit({
      buildingId: draft.buildingId!,
      unitId: draft.unitId!,
      room: draft.room.trim(),
      realName: draft.realName.trim(),
      birthDate: draft.birthDate,
      ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
    });
    if (member) setRegistered(member);
  };

  if (registered) {
    return (
      <>
        <MemberCard member={registered} badge={<StatusTag tone="ok">已建档</StatusTag>}>
          <Text className="staff__text linli-muted">同户的家人现在可以在“绑定家人”中申请为TA代办。</Text>
        </MemberCard>
        <View className="staff__buttons">
          <Button
            className="staff__button"
            size="large"
            onClick={() => void Taro.redirectTo({ url: SUB_PAGES.staffMembers })}
          >
            查看档案
          </Button>
          <Button
            className="staff__button"
            type="primary"
            size="large"
            onClick={() => {
              setRegistered(undefined);
              reset(emptyRegistration);
            }}
          >
            继续建档
          </Button>
        </View>
      </>
    );
  }

  return (
    <>
      <Text className="staff__intro linli-muted">
        为不用微信的居民（多为高龄老人）登记档案。请核对身份证或户口本后填写。
      </Text>
      {community.data ? (
        <HomeAddressFields
          community={community.data}
          value={draft}
          onChange={update}
          errorOf={shown}
          buildingHint="居民住的楼"
        />
      ) : (
        <RequestStatus what="楼栋信息" loading={community.loading} error={community.error} onRetry={community.reload} />
      )}
      <View className="linli-card">
        <PersonFields
          value={draft}
          errorOf={shown}
          onChange={update}
          today={today}
          nameLabel="居民姓名"
          birthInitial="1945-01-01"
          phoneLabel="联系电话"
          phoneHint="老人或家属的手机号，没有可以不填"
          phoneOptional
        />
      </View>
      <Button
        className="staff__action"
        type="primary"
        size="large"
        block
        loading={register.pending}
        disabled={!community.data}
        onClick={() => void submit()}
      >
        建档
      </Button>
    </>
  );
}

/** 为无微信居民建档: staff register a verified member who has no WeChat. */
export default function StaffRegisterPage() {
  return (
    <PageShell className="register">
      <StaffGate>{(communityId) => <Register communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
