import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { AddressPicker } from '../../../components/address-picker';
import { DateField } from '../../../components/date-field';
import { FormField } from '../../../components/form-field';
import { MemberCard } from '../../../components/member-card';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { StatusTag } from '../../../components/status-tag';
import { TextField } from '../../../components/text-field';
import { SUB_PAGES } from '../../../constants';
import { useCommunity } from '../../../hooks/use-community';
import { useRegisterMember } from '../../../hooks/use-staff';
import { todayInShanghai } from '../../../services/form-rules';
import { StaffGate } from '../components/staff-gate';
import { emptyRegistration, registrationDraftErrors, type RegistrationDraft } from './rules';
import '../components/staff.css';

type Registered = NonNullable<Awaited<ReturnType<ReturnType<typeof useRegisterMember>['submit']>>>;

function Register({ communityId }: { communityId: string }) {
  const community = useCommunity(communityId);
  const register = useRegisterMember(communityId);
  const [draft, setDraft] = useState<RegistrationDraft>(emptyRegistration);
  const [tried, setTried] = useState(false);
  const [registered, setRegistered] = useState<Registered>();
  const today = todayInShanghai();
  const errors: Partial<Record<keyof RegistrationDraft, string>> = tried ? registrationDraftErrors(draft, today) : {};
  const shown = (field: keyof RegistrationDraft) => errors[field] ?? register.fieldErrors[field];
  const update = (patch: Partial<RegistrationDraft>) => setDraft((prev) => ({ ...prev, ...patch }));

  const submit = async () => {
    setTried(true);
    if (Object.keys(registrationDraftErrors(draft, today)).length > 0) {
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
              setDraft(emptyRegistration);
              setTried(false);
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
        <View className="linli-card">
          <AddressPicker
            community={community.data}
            value={{ buildingId: draft.buildingId, unitId: draft.unitId }}
            onChange={(address) => update(address)}
            errors={{ buildingId: shown('buildingId'), unitId: shown('unitId') }}
            buildingHint="居民住的楼"
          />
          <FormField label="门牌号" hint="如 302，只填数字或字母" error={shown('room')}>
            <TextField
              label="门牌号"
              value={draft.room}
              maxlength={8}
              placeholder="如 302"
              onInput={(room) => update({ room })}
            />
          </FormField>
        </View>
      ) : (
        <RequestStatus what="楼栋信息" loading={community.loading} error={community.error} onRetry={community.reload} />
      )}
      <View className="linli-card">
        <FormField label="居民姓名" hint="与身份证上的姓名一致" error={shown('realName')}>
          <TextField
            label="居民姓名"
            value={draft.realName}
            maxlength={20}
            placeholder="请输入姓名"
            onInput={(realName) => update({ realName })}
          />
        </FormField>
        <FormField label="出生日期" hint="按身份证上的日期选择年、月、日" error={shown('birthDate')}>
          <DateField
            label="出生日期"
            value={draft.birthDate}
            placeholder="点击选择"
            initial="1945-01-01"
            start="1900-01-01"
            end={today}
            onChange={(birthDate) => update({ birthDate })}
          />
        </FormField>
        <FormField label="联系电话" optional hint="老人或家属的手机号，没有可以不填" error={shown('phone')}>
          <TextField
            label="联系电话"
            type="number"
            value={draft.phone}
            maxlength={11}
            placeholder="请输入手机号"
            onInput={(phone) => update({ phone })}
          />
        </FormField>
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
