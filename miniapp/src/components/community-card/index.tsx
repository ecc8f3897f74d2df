import { Text, View } from '@tarojs/components';
import type { Community } from '../../hooks/use-community';
import './index.css';

interface CommunityCardProps {
  community: Community;
  /** Also list every grid's buildings (the home page and the staff workbench do). */
  showBuildings?: boolean;
}

/** Household count of a community: the sum over its buildings. */
export function countHouseholds(community: Community): number {
  return community.grids.reduce(
    (sum, grid) => sum + grid.buildings.reduce((inGrid, building) => inGrid + building.households, 0),
    0,
  );
}

/** A community's name, address and its grids with their buildings. */
export function CommunityCard({ community, showBuildings = true }: CommunityCardProps) {
  const buildingCount = community.grids.reduce((sum, grid) => sum + grid.buildings.length, 0);
  return (
    <View className="linli-card community-card">
      <Text className="community-card__name">{community.name}</Text>
      <Text className="community-card__address linli-muted">{community.address}</Text>
      <Text className="community-card__summary">
        {community.grids.length} 个网格 · {buildingCount} 栋楼 · {countHouseholds(community)} 户
      </Text>
      {showBuildings &&
        community.grids.map((grid) => (
          <View className="community-card__grid" key={grid.id}>
            <Text className="community-card__grid-name">{grid.name}</Text>
            {grid.leader ? <Text className="linli-muted">网格长：{grid.leader}</Text> : null}
            {grid.buildings.map((building) => (
              <View className="community-card__building" key={building.id}>
                <Text>{building.name}</Text>
                <Text className="linli-muted">
                  {building.units.length} 个单元 · {building.households} 户
                </Text>
              </View>
            ))}
          </View>
        ))}
    </View>
  );
}
