import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { DateField } from '../../../../components/date-field';
import { FormField } from '../../../../components/form-field';
import { InputField } from '../../../../components/input-field';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { TextField } from '../../../../components/text-field';
import { SUB_PAGES } from '../../../../constants';
import { useCommunity } from '../../../../hooks/use-community';
import { useScheduleSession, useVenues } from '../../../../hooks/use-council-staff';
import { formatSessionTime, shanghaiDate, shanghaiToIso } from '../../../../utils/session-time';
import { StaffGate } from '../../components/staff-gate';
import { CheckChips } from '../components/check-chips';
import { TimePicker } from '../../../../components/time-field';
import {
  CUTOFF_CHOICES,
  emptySchedule,
  scheduleDraftErrors,
  toScheduleInput,
  type ScheduleDraft,
  type ScheduleErrors,
} from './rules';
import '../../components/staff.css';
import '../components/council.css';

const AUDIENCES = [
  { value: 'community', label: '全社区' },
  { value: 'buildings', label: '指定楼栋' },
] as const;

/** The last date the server accepts (180 days ahead), as YYYY-MM-DD. */
const lastDate = () => shanghaiDate(new Date(Date.now() + 180 * 86_400_000).toISOString());

function leave(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: SUB_PAGES.staffCouncil });
}

function Schedule({ communityId }: { communityId: string }) {
  const venues = useVenues(communityId);
  const community = useCommunity(communityId);
  const schedule = useScheduleSession(communityId);
  const [draft, setDraft] = useState<ScheduleDraft>(() => emptySchedule());
  const [tried, setTried] = useState(false);
  const venue = venues.data?.venues.find((v) => v.venueId === draft.venueId);
  const errors: ScheduleErrors = tried ? scheduleDraftErrors(draft, venue?.capacity) : {};
  const shown = (field: keyof ScheduleDraft) => errors[field] ?? schedule.fieldErrors[field];
  const update = (patch: Partial<ScheduleDraft>) => setDraft((prev) => ({ ...prev, ...patch }));
  const buildings = community.data?.grids.flatMap((grid) => grid.buildings) ?? [];
  const today = shanghaiDate(new Date().toISOString());

  const submit = async () => {
    setTried(true);
    if (Object.keys(scheduleDraftErrors(draft, venue?.capacity)).length > 0) {
      void Taro.showToast({ title: '请按红字提示修改', icon: 'none', duration: 2000 });
      return;
    }
    const session = await schedule.submit(toScheduleInput(draft));
    if (session) {
      void Taro.showToast({ title: '已安排议事会', icon: 'success', duration: 2000 });
      leave();
    }
  };

  if (!venues.data) {
    return <RequestStatus what="议事场所" loading={venues.loading} error={venues.error} onRetry={venues.reload} />;
  }
  const online = venue ? Math.max(0, venue.capacity - (Number(draft.reservedSeats) || 0)) : undefined;

  return (
    <>
      <View className="linli-card">
        <FormField label="议事会主题" hint="居民在列表里看到的名称，如 加装电梯意见征集" error={shown('title')}>
          <TextField
            label="议事会主题"
            value={draft.title}
            maxlength={50}
            placeholder="请输入主题"
            onInput={(title) => update({ title })}
          />
        </FormField>
        <FormField
          label="议事场所"
          error={shown('venueId')}
          hint={venues.data.venues.length === 0 ? '还没有议事场所，请先到“议事场所”新增' : undefined}
        >
          <ChoiceChips
            label="议事场所"
            wide
            choices={venues.data.venues.map((v) => ({ value: v.venueId, label: v.name, note: `${v.capacity} 座` }))}
            value={draft.venueId}
            onChange={(venueId) => update({ venueId })}
          />
        </FormField>
        {venue ? <Text className="staff__text linli-muted">地点：{venue.place}</Text> : null}
      </View>

      <View className="linli-card">
        <FormField label="日期" hint="北京时间">
          <DateField
            label="日期"
            value={draft.date}
            placeholder="点击选择"
            initial={today}
            start={today}
            end={lastDate()}
            onChange={(date) => update({ date })}
          />
        </FormField>
        <FormField label="开始时间" error={shown('start')}>
          <TimePicker label="开始时间" value={draft.start} onChange={(start) => update({ start })} />
        </FormField>
        <FormField label="结束时间" error={shown('end')}>
          <TimePicker label="结束时间" value={draft.end} onChange={(end) => update({ end })} />
        </FormField>
        {draft.end > draft.start ? (
          <Text className="staff__text" aria-label="议事会时间">
            {formatSessionTime(shanghaiToIso(draft.date, draft.start), shanghaiToIso(draft.date, draft.end))}
          </Text>
        ) : null}
      </View>

      <View className="linli-card">
        <FormField label="参加对象" error={shown('buildingIds')}>
          <ChoiceChips
            label="参加对象"
            choices={AUDIENCES}
            value={draft.audience}
            onChange={(audience) => update({ audience })}
          />
          {draft.audience === 'buildings' ? (
            <View className="staff__text">
              <CheckChips
                label="楼栋"
                choices={buildings.map((b) => ({ value: b.id, label: b.name }))}
                values={draft.buildingIds}
                onChange={(buildingIds) => update({ buildingIds })}
              />
            </View>
          ) : null}
        </FormField>
        <InputField
          label="现场预留座位"
          unit="座"
          hint={
            online === undefined ? '留给不用手机的居民现场入座' : `留给不用手机的居民现场入座；可在线预约 ${online} 座`
          }
          error={shown('reservedSeats')}
          type="number"
          value={draft.reservedSeats}
          maxlength={3}
          onInput={(reservedSeats) => update({ reservedSeats })}
        />
        <FormField label="取消截止" hint="过了这个时间，居民不能再在线取消预约">
          <ChoiceChips
            label="取消截止"
            wide
            choices={CUTOFF_CHOICES}
            value={draft.cutoff}
            onChange={(cutoff) => update({ cutoff })}
          />
        </FormField>
      </View>

      <Button
        className="staff__action"
        type="primary"
        size="large"
        block
        loading={schedule.pending}
        onClick={() => void submit()}
      >
        安排议事会
      </Button>
      {schedule.error ? (
        <Text className="council-staff__error" aria-live="assertive">
          没有安排成功：{schedule.error.message}
        </Text>
      ) : null}
    </>
  );
}

/** 安排议事会: title, venue, Shanghai date and times, audience, reserved seats and cancel cutoff. */
export default function StaffSchedulePage() {
  return (
    <PageShell className="council-staff">
      <StaffGate>{(communityId) => <Schedule communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
