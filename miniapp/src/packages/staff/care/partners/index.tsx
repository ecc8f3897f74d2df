import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FormError, problemOf } from '../../../../components/form-error';
import { FormField } from '../../../../components/form-field';
import { InputField } from '../../../../components/input-field';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { StatusTag } from '../../../../components/status-tag';
import { PARTNER_KINDS } from '../../../../components/wish-card/labels';
import { useCreatePartnerUnit, usePartnerUnits, type PartnerInput, type PartnerUnit } from '../../../../hooks/use-care';
import { StaffGate } from '../../components/staff-gate';
import '../../components/staff.css';
import './partners.css';

type Kind = PartnerInput['kind'];

/** ABCDEFGH → ABCD EFGH: two groups of four are easier to read aloud over the phone. */
export const groupCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ');

function Register({ communityId, onDone }: { communityId: string; onDone: () => void }) {
  const create = useCreatePartnerUnit(communityId);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>();
  const [error, setError] = useState<string>();
  const submit = async () => {
    const problem = name.trim().length < 2 ? '请填写单位名称' : !kind ? '请选择单位类型' : undefined;
    setError(problem);
    if (problem || !kind) return;
    const unit = await create.submit({ name: name.trim(), kind });
    if (!unit) return;
    void Taro.showToast({ title: '已登记，请把邀请码交给经办人', icon: 'none', duration: 2500 });
    setName('');
    setKind(undefined);
    onDone();
  };
  const problem = problemOf(error, create);
  return (
    <View className="linli-card">
      <Text className="staff__title">登记共建单位</Text>
      <InputField
        label="单位名称"
        placeholder="例如：社区卫生服务站"
        value={name}
        maxlength={40}
        error={create.fieldIssues('name')}
        onInput={setName}
      />
      <FormField label="单位类型" error={create.fieldIssues('kind')}>
        <ChoiceChips
          label="单位类型"
          choices={PARTNER_KINDS.map((k) => ({ value: k, label: k }))}
          value={kind}
          onChange={setKind}
        />
      </FormField>
      {problem ? (
        <FormError message={problem} onDismiss={() => (error ? setError(undefined) : create.dismiss())} />
      ) : null}
      <Button
        className="staff__action"
        type="primary"
        size="large"
        block
        loading={create.pending}
        onClick={() => void submit()}
      >
        登记并生成邀请码
      </Button>
    </View>
  );
}

function Unit({ unit }: { unit: PartnerUnit }) {
  return (
    <View className="linli-card" aria-label={`共建单位 ${unit.name}`}>
      <View className="partner-unit__head">
        <Text className="staff__title partner-unit__name">{unit.name}</Text>
        {unit.operatorBound ? <StatusTag tone="ok">已绑定</StatusTag> : <StatusTag tone="waiting">待绑定</StatusTag>}
      </View>
      <Text className="staff__text linli-muted">{unit.kind}</Text>
      {unit.inviteCode ? (
        <>
          <Text className="staff__text">经办人的邀请码（在“我的 → 共建单位绑定”输入）：</Text>
          <Text className="partner-unit__code" aria-label={`邀请码 ${unit.inviteCode.split('').join(' ')}`}>
            {groupCode(unit.inviteCode)}
          </Text>
        </>
      ) : null}
    </View>
  );
}

function Partners({ communityId }: { communityId: string }) {
  const list = usePartnerUnits(communityId);
  return (
    <>
      <Text className="staff__intro linli-muted">
        共建单位（企业、学校、医院、机关党支部）认领居民的微心愿。登记后把邀请码交给单位经办人，经办人用自己的微信绑定。
      </Text>
      <Register communityId={communityId} onDone={list.reload} />
      <Text className="linli-section-title">已登记的单位</Text>
      {!list.data ? (
        <RequestStatus what="共建单位" loading={list.loading} error={list.error} onRetry={list.reload} />
      ) : list.data.partners.length === 0 ? (
        <View className="linli-card staff__empty">
          <Text>还没有登记共建单位</Text>
        </View>
      ) : (
        list.data.partners.map((unit) => <Unit key={unit.partnerId} unit={unit} />)
      )}
    </>
  );
}

/** 共建单位: register a unit and hand its invite code (two groups of four, read aloud) to its operator. */
export default function PartnerUnitsPage() {
  return (
    <PageShell className="staff-care-partners">
      <StaffGate>{(communityId) => <Partners communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
