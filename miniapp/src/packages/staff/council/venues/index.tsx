import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { FormField } from '../../../../components/form-field';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { InputField } from '../../../../components/input-field';
import { TextField } from '../../../../components/text-field';
import { useDraftForm } from '../../../../hooks/use-draft-form';
import { useSaveVenue, useVenues, type Venue } from '../../../../hooks/use-council-staff';
import { StaffGate } from '../../components/staff-gate';
import { emptyVenue, venueDraftErrors, type VenueDraft } from './rules';
import '../../components/staff.css';
import '../components/council.css';

/** 新增 or 修改 one venue. */
function VenueForm({
  communityId,
  venue,
  onDone,
}: {
  communityId: string;
  venue: Venue | undefined;
  onDone: (saved: boolean) => void;
}) {
  const save = useSaveVenue(communityId);
  const { draft, update, shown, check } = useDraftForm<VenueDraft>(
    venue ? { name: venue.name, place: venue.place, capacity: String(venue.capacity) } : emptyVenue,
    venueDraftErrors,
    save.fieldErrors,
  );

  const submit = async () => {
    if (!check()) return;
    const saved = await save.submit({
      venueId: venue?.venueId,
      body: { name: draft.name.trim(), place: draft.place.trim(), capacity: Number(draft.capacity.trim()) },
    });
    if (saved) {
      void Taro.showToast({ title: venue ? '已保存' : `已新增${saved.name}`, icon: 'none', duration: 2000 });
      onDone(true);
    }
  };

  return (
    <View className="linli-card" aria-label={venue ? `修改${venue.name}` : '新增议事场所'}>
      <Text className="staff__title">{venue ? `修改：${venue.name}` : '新增议事场所'}</Text>
      <View className="council-staff__form">
        <FormField label="场所名称" hint="如 红色议事厅" error={shown('name')}>
          <TextField
            label="场所名称"
            value={draft.name}
            maxlength={30}
            placeholder="请输入名称"
            onInput={(name) => update({ name })}
          />
        </FormField>
        <FormField label="地点" hint="居民能找到的位置，如 社区服务中心二楼" error={shown('place')}>
          <TextField
            label="地点"
            value={draft.place}
            maxlength={60}
            placeholder="请输入地点"
            onInput={(place) => update({ place })}
          />
        </FormField>
        <InputField
          label="座位数"
          unit="座"
          hint="场所一共能坐多少人"
          error={shown('capacity')}
          type="number"
          value={draft.capacity}
          maxlength={3}
          placeholder="如 30"
          onInput={(capacity) => update({ capacity })}
        />
      </View>
      <View className="staff__buttons">
        <Button className="staff__button" size="large" onClick={() => onDone(false)}>
          取消
        </Button>
        <Button
          className="staff__button"
          type="primary"
          size="large"
          loading={save.pending}
          onClick={() => void submit()}
        >
          保存
        </Button>
      </View>
    </View>
  );
}

function Venues({ communityId }: { communityId: string }) {
  const venues = useVenues(communityId);
  // undefined: no form; null: a new venue; a venue: editing it.
  const [editing, setEditing] = useState<Venue | null | undefined>();
  const done = (saved: boolean) => {
    setEditing(undefined);
    if (saved) venues.reload();
  };

  return (
    <>
      <Text className="staff__intro linli-muted">议事会在这些场所召开。座位数决定能预约多少人。</Text>
      {editing === null ? (
        <VenueForm communityId={communityId} venue={undefined} onDone={done} />
      ) : editing === undefined ? (
        <Button className="staff__action" type="primary" size="large" block onClick={() => setEditing(null)}>
          新增议事场所
        </Button>
      ) : null}
      <Text className="linli-section-title">全部场所</Text>
      {venues.data ? (
        venues.data.venues.length === 0 ? (
          <View className="linli-card staff__empty">
            <Text>还没有议事场所，请先新增一个</Text>
          </View>
        ) : (
          venues.data.venues.map((venue) =>
            editing?.venueId === venue.venueId ? (
              <VenueForm key={venue.venueId} communityId={communityId} venue={venue} onDone={done} />
            ) : (
              <View className="linli-card" key={venue.venueId} aria-label={`场所 ${venue.name}`}>
                <View className="council-staff__row">
                  <Text className="council-staff__name">{venue.name}</Text>
                  <Text>{venue.capacity} 座</Text>
                </View>
                <Text className="council-staff__line linli-muted">{venue.place}</Text>
                <Button className="staff__action" size="large" block onClick={() => setEditing(venue)}>
                  修改
                </Button>
              </View>
            ),
          )
        )
      ) : (
        <RequestStatus what="议事场所" loading={venues.loading} error={venues.error} onRetry={venues.reload} />
      )}
    </>
  );
}

/** 议事场所: list, add and edit the places sessions are held. */
export default function StaffVenuesPage() {
  return (
    <PageShell className="council-staff">
      <StaffGate>{(communityId) => <Venues communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
