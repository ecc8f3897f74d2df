import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EntryCard } from '../../components/entry-card';
import { LargeTextSwitch } from '../../components/large-text-switch';
import { PageShell } from '../../components/page-shell';
import { SUB_PAGES } from '../../constants';
import './index.css';

export default function MinePage() {
  return (
    <PageShell className="mine">
      <View className="linli-card">
        <Text className="mine__login-title">登录</Text>
        <Text className="mine__login-text linli-muted">登录功能将随居民身份认证一起开放，现在无需登录即可浏览。</Text>
      </View>

      <Text className="linli-section-title">阅读设置</Text>
      <View className="linli-card">
        <LargeTextSwitch />
      </View>

      <Text className="linli-section-title">更多服务</Text>
      <EntryCard
        icon="🏘️"
        title="社区工作台"
        description="网格与楼栋一览（社区工作人员）"
        onOpen={() => void Taro.navigateTo({ url: SUB_PAGES.staffWorkbench })}
      />
      <EntryCard
        icon="🏪"
        title="商户中心"
        description="合作商户的入口"
        onOpen={() => void Taro.navigateTo({ url: SUB_PAGES.merchantCenter })}
      />
    </PageShell>
  );
}
