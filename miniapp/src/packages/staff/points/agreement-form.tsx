import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Agreement } from '@linli/shared/contract';
import { ChoiceChips } from '../../../components/choice-chips';
import { TextField } from '../../../components/text-field';
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
  const [kind, setKind] = useState<'fixed' | 'discount'>(first?.kind ?? 'fixed');
  const [f, setF] = useState({
    title: first?.title ?? '',
    points: first?.kind === 'fixed' ? String(first.points) : '100',
    perYuan: first?.kind === 'discount' ? String(first.pointsPerYuan) : '10',
    share: first?.kind === 'discount' ? String(first.maxSharePercent) : '50',
    from: initial?.activeFrom ?? shanghaiDate(new Date().toISOString()),
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
      <Text className="staff-points__label">兑换方式</Text>
      <ChoiceChips label="兑换方式" choices={KINDS} value={kind} onChange={setKind} wide />
      <Text className="staff-points__label">兑换项目</Text>
      <TextField
        label="兑换项目"
        value={f.title}
        placeholder={kind === 'fixed' ? '如：理发一次' : '如：购物抵现'}
        onInput={set('title')}
      />
      {kind === 'fixed' ? (
        <>
          <Text className="staff-points__label">所需积分</Text>
          <TextField label="所需积分" type="number" value={f.points} onInput={set('points')} />
        </>
      ) : (
        <>
          <Text className="staff-points__label">多少积分抵 1 元</Text>
          <TextField label="每元积分" type="number" value={f.perYuan} onInput={set('perYuan')} />
          <Text className="staff-points__label">每单最多抵扣（%）</Text>
          <TextField label="最多抵扣比例" type="number" value={f.share} onInput={set('share')} />
        </>
      )}
      <Text className="staff-points__label">生效日期 / 截止日期（可不填）</Text>
      <TextField label="生效日期" value={f.from} placeholder="2026-11-01" onInput={set('from')} />
      <TextField label="截止日期" value={f.to} placeholder="不填则长期有效" onInput={set('to')} />
      <Text className="staff-points__label">每月积分上限（可不填）</Text>
      <TextField label="每月积分上限" type="number" value={f.cap} onInput={set('cap')} />
      <Button className="staff__action" type="primary" size="large" block loading={pending} onClick={submit}>
        {submitLabel}
      </Button>
    </View>
  );
}
