import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { TAB_PAGES } from '../../../constants';
import { useCurrentCommunity } from '../../../hooks/use-current-community';
import { useStreetCommunities, useStreets } from '../../../hooks/use-onboarding';
import '../onboarding.css';

/** 找到我的社区: a newcomer picks their street office (街道), then their community. */
export default function FindCommunityPage() {
  const streets = useStreets();
  const [streetId, setStreetId] = useState<string>();
  const communities = useStreetCommunities(streetId);
  const [communityId, setCommunityId] = useState<string>();
  const { choose } = useCurrentCommunity();

  const confirm = () => {
    if (!communityId) return;
    choose(communityId);
    void Taro.switchTab({ url: TAB_PAGES.home });
  };

  return (
    <PageShell className="onboarding">
      <View className="linli-card">
        <Text className="onboarding__text">
          先选所在的街道（乡镇），再选您住的社区。也可以扫社区张贴的小程序码直接进入。
        </Text>
      </View>
      {streets.data ? (
        <View className="linli-card">
          <Text className="onboarding__label">街道（乡镇）</Text>
          <ChoiceChips
            label="街道（乡镇）"
            wide
            choices={streets.data.items.map((s) => ({ value: s.id, label: s.name, note: `${s.city}${s.district}` }))}
            value={streetId}
            onChange={(id) => {
              setStreetId(id);
              setCommunityId(undefined);
            }}
          />
        </View>
      ) : (
        <RequestStatus what="街道列表" loading={streets.loading} error={streets.error} onRetry={streets.reload} />
      )}
      {streetId &&
        (communities.data ? (
          <View className="linli-card">
            <Text className="onboarding__label">社区</Text>
            {communities.data.items.length === 0 ? (
              <Text className="onboarding__text">这个街道还没有社区开通邻里</Text>
            ) : (
              <ChoiceChips
                label="社区"
                wide
                choices={communities.data.items.map((c) => ({ value: c.id, label: c.name, note: c.address }))}
                value={communityId}
                onChange={setCommunityId}
              />
            )}
            <Button className="onboarding__button" type="primary" disabled={!communityId} onClick={confirm}>
              进入这个社区
            </Button>
          </View>
        ) : (
          <RequestStatus
            what="社区列表"
            loading={communities.loading}
            error={communities.error}
            onRetry={communities.reload}
          />
        ))}
    </PageShell>
  );
}
