import { View } from '@tarojs/components';
import type { Community } from '../../hooks/use-community';
import { AddressPicker, type Address } from '../address-picker';
import { FormField } from '../form-field';
import { TextField } from '../text-field';

export interface HomeAddress extends Address {
  room: string;
}

interface HomeAddressFieldsProps {
  community: Community;
  value: HomeAddress;
  onChange: (change: Partial<HomeAddress>) => void;
  /** The problem to show under a field, if any (a form's `shown`). */
  errorOf: (field: 'buildingId' | 'unitId' | 'room') => string | null | undefined;
  /** Under 楼栋: whose building it is (选择您住的楼, 居民住的楼 …). */
  buildingHint: string;
}

/** Where someone lives: 楼栋, 单元 and 门牌号, as one card of a form. */
export function HomeAddressFields({ community, value, onChange, errorOf, buildingHint }: HomeAddressFieldsProps) {
  return (
    <View className="linli-card">
      <AddressPicker
        community={community}
        value={{ buildingId: value.buildingId, unitId: value.unitId }}
        onChange={(address) => onChange(address)}
        errors={{ buildingId: errorOf('buildingId'), unitId: errorOf('unitId') }}
        buildingHint={buildingHint}
      />
      <FormField label="门牌号" hint="如 302，只填数字或字母" error={errorOf('room')}>
        <TextField
          label="门牌号"
          value={value.room}
          maxlength={8}
          placeholder="如 302"
          onInput={(room) => onChange({ room })}
        />
      </FormField>
    </View>
  );
}
