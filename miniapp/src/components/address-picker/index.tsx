import { Text, View } from '@tarojs/components';
import type { Community } from '../../hooks/use-community';
import { ChoiceChips } from '../choice-chips';
import { FormField } from '../form-field';
import './index.css';

export interface Address {
  buildingId: string | undefined;
  unitId: string | undefined;
}

interface AddressPickerProps {
  community: Community;
  value: Address;
  onChange: (address: Address) => void;
  errors?: { buildingId?: string | null; unitId?: string | null };
  /** Under 楼栋, e.g. 选择您住的楼 (a resident) or 老人住的楼 (staff registering someone). */
  buildingHint: string;
}

/**
 * The places a new application or registration may name: retired grids, buildings and units
 * (kept for the people already living there) are left out.
 */
export function openForNewMembers(community: Community): Community['grids'] {
  return community.grids
    .filter((grid) => !grid.retired)
    .map((grid) => ({
      ...grid,
      buildings: grid.buildings
        .filter((b) => !b.retired)
        .map((b) => ({ ...b, units: b.units.filter((u) => !u.retired) })),
    }));
}

/** 楼栋 then 单元 of a community, as large choices grouped by grid. */
export function AddressPicker({ community, value, onChange, errors, buildingHint }: AddressPickerProps) {
  const grids = openForNewMembers(community);
  const building = grids.flatMap((grid) => grid.buildings).find((b) => b.id === value.buildingId);
  return (
    <View className="address-picker">
      <FormField label="楼栋" error={errors?.buildingId} hint={buildingHint}>
        {grids.map((grid) =>
          grid.buildings.length === 0 ? null : (
            <View key={grid.id} className="address-picker__grid">
              <Text className="address-picker__grid-name">{grid.name}</Text>
              <ChoiceChips
                label={`${grid.name}的楼栋`}
                choices={grid.buildings.map((b) => ({ value: b.id, label: b.name }))}
                value={value.buildingId}
                onChange={(buildingId) =>
                  buildingId !== value.buildingId && onChange({ buildingId, unitId: undefined })
                }
              />
            </View>
          ),
        )}
      </FormField>
      <FormField
        label="单元"
        error={errors?.unitId}
        hint={building ? `${building.name}共 ${building.units.length} 个单元` : '请先选择楼栋'}
      >
        {building ? (
          <ChoiceChips
            label="单元"
            choices={building.units.map((u) => ({ value: u.id, label: u.name }))}
            value={value.unitId}
            onChange={(unitId) => onChange({ buildingId: building.id, unitId })}
          />
        ) : null}
      </FormField>
    </View>
  );
}
