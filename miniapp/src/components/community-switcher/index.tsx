import { Text, View } from '@tarojs/components';
import { api } from '../../services/api';
import { useCurrentCommunity } from '../../hooks/use-current-community';
import { useRequest } from '../../hooks/use-request';
import { ChoiceChips } from '../choice-chips';
import './index.css';

/** The names of the communities a user belongs to (a few public reads, in the given order). */
function useCommunityNames(ids: string[]) {
  return useRequest(`community-names:${ids.join(',')}`, () =>
    Promise.all(
      ids.map((id) =>
        api.call('getCommunity', { params: { id }, toast: false }).then(
          (c) => ({ id, name: c.name }),
          () => ({ id, name: '（无法读取的社区）' }),
        ),
      ),
    ),
  );
}

/**
 * 切换社区: shown only to someone who belongs to more than one community (staff of one who lives
 * in another); every page follows the one chosen here.
 */
export function CommunitySwitcher() {
  const { communityId, communities, choose } = useCurrentCommunity();
  const names = useCommunityNames(communities.length > 1 ? communities : []);
  if (communities.length < 2 || !names.data) return null;
  return (
    <View className="linli-card community-switcher" role="group" aria-label="切换社区">
      <Text className="community-switcher__title">切换社区</Text>
      <Text className="linli-muted">您在几个社区都有身份，选一个，首页和各页都显示这个社区。</Text>
      <ChoiceChips
        label="当前社区"
        wide
        choices={names.data.map((c) => ({ value: c.id, label: c.name }))}
        value={communityId}
        onChange={(id) => id !== communityId && choose(id)}
      />
    </View>
  );
}
