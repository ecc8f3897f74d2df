import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Agreement } from '@linli/shared/contract';
import { ChoiceChips } from '../../../components/choice-chips';
import { DateField } from '../../../components/date-field';
import { FormField } from '../../../components/form-field';
import { InputField } from '../../../components/input-field';
import { shanghaiDate } from '../../../utils/session-time';

interface AgreementFormProps {
  /** The agreement to edit (its first offer is the one edited; the others are kept). */
  initial?: Agreement;
  submitLabel: string;
  pending: boolean;
  onSubmit: (agreement: Agreement) => void;
}

const KINDS = [
  { value: 'fixed' as const, label: '固定积分兑换', note: '如：理发一次 100 积分' },
  { value: 'discount' as const, label: '积分抵现', note: '如：10 积分抵 1 元' },
];

/** 兑换协议: one offer (a fixed price in points, or points as cash up to a share), dates and a monthly cap. */
export function AgreementForm({ initial, submitLabel, pending, onSubmit }: AgreementFormProps) {
  const first = initial?.offers[0];
  const today = shanghaiDate(new Date().toISOString());
  const year = Number(today.slice(0, 4));
  const [kind, setKind] = useState<'fixed' | 'discount'>(first?.kind ?? 'fixed');
  const [f, setF] = useState({
    title: first?.title ?? '',
    points: first?.kind === 'fixed' ? String(first.points) : '100',
    perYuan: first?.kind === 'discount' ? String(first.pointsPerYuan) : '10',
    share: first?.kind === 'discount' ? String(first.maxSharePercent) : '50',
    from: initial?.activeFrom ?? today,
    to: initial?.activeTo ?? '',
    cap: initial?.monthlyCap ? String(initial.monthlyCap) : '',
  });
  const set = (k: keyof typeof f) => (v: string) => setF((prev) => ({ ...prev, [k]: v }));
  const offerId = first?.offerId ?? 'offer-1';

  const submit = () =>
    onSubmit({
      offers: [
        kind === 'fixed'
          ? { offerId, kind, title: f.title, points: Number(f.points) }
          : { offerId, kind, title: f.title, pointsPerYuan: Number(f.perYuan), maxSharePercent: Number(f.share) },
        ...(initial?.offers.slice(1) ?? []),
      ],
      activeFrom: f.from,
      activeTo: f.to.trim() || undefined,
      monthlyCap: f.cap ? Number(f.cap) : undefined,
    });

  return (
    <View>
      <FormField label="兑换方式">
        <ChoiceChips label="兑换方式" choices={KINDS} value={kind} onChange={setKind} wide />
      </FormField>
      <InputField
        label="兑换项目"
        value={f.title}
        placeholder={kind === 'fixed' ? '如：理发一次' : '如：购物抵现'}
        onInput={set('title')}
      />
      {kind === 'fixed' ? (
        <InputField label="所需积分" unit="积分" type="number" value={f.points} onInput={set('points')} />
      ) : (
        <>
          <InputField
            label="每元积分"
            unit="积分"
            hint="多少积分抵 1 元"
            type="number"
            value={f.perYuan}
            onInput={set('perYuan')}
          />
          <InputField
            label="最多抵扣比例"
            unit="%"
            hint="每单最多用积分抵扣的比例"
            type="number"
            value={f.share}
            onInput={set('share')}
          />
        </>
      )}
      <FormField label="生效日期" hint="从这一天起可以兑换">
        <DateField
          label="生效日期"
          value={f.from}
          placeholder="选择日期"
          initial={today}
          start={`${year - 1}-01-01`}
          end={`${year + 2}-12-31`}
          onChange={set('from')}
        />
      </FormField>
      <FormField label="截止日期" optional hint={f.to ? '到这一天为止（含当天）' : '不选则长期有效'}>
        <DateField
          label="截止日期"
          value={f.to}
          placeholder="长期有效"
          initial={f.from > today ? f.from : today}
          start={f.from || today}
          end={`${year + 5}-12-31`}
          onChange={set('to')}
        />
        {f.to ? (
          <Button className="staff-points__open-ended" size="normal" onClick={() => set('to')('')}>
            改为长期有效
          </Button>
        ) : null}
      </FormField>
      <InputField label="每月积分上限" unit="积分" optional type="number" value={f.cap} onInput={set('cap')} />
      <Button className="staff__action" type="primary" size="large" block loading={pending} onClick={submit}>
        {submitLabel}
      </Button>
    </View>
  );
}
