import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { SUB_PAGES } from '../../../constants';
import {
  COLLECTED_INFORMATION,
  DATA_HANDLING,
  DEVICE_PERMISSIONS,
  type CollectedItem,
} from '../../../services/privacy-catalog';
import { PRIVACY_GUIDE_VERSION } from '../../../services/privacy-consent';
import './index.css';

function Section({ title, items }: { title: string; items: readonly CollectedItem[] }) {
  return (
    <>
      <Text className="linli-section-title">{title}</Text>
      <View className="linli-card privacy-guide__card">
        {items.map(({ item, why }) => (
          <View key={item} className="privacy-guide__row">
            <Text className="privacy-guide__item">{item}</Text>
            <Text className="privacy-guide__why">{why}</Text>
          </View>
        ))}
      </View>
    </>
  );
}

/** 《邻里隐私保护指引》 in full: open to everyone, signed in or not. */
export default function PrivacyGuidePage() {
  return (
    <PageShell className="privacy-guide">
      <View className="linli-card privacy-guide__card">
        <Text className="privacy-guide__title">邻里隐私保护指引</Text>
        <Text className="privacy-guide__text">
          “邻里”是社区居民议事、长者食堂、志愿积分和微心愿的小程序，由您所在社区的工作人员使用和管理。我们只收集办事需要的信息，并告诉您用途。
        </Text>
        <Text className="privacy-guide__text linli-muted">
          版本：{PRIVACY_GUIDE_VERSION}（内容变化时会再次请您确认）
        </Text>
      </View>
      <Section title="我们收集的信息" items={COLLECTED_INFORMATION} />
      <Section title="我们使用的手机权限" items={DEVICE_PERMISSIONS} />
      <Section title="信息的保存和使用" items={DATA_HANDLING} />
      <Text className="linli-section-title">同意与撤回</Text>
      <View className="linli-card privacy-guide__card">
        <Text className="privacy-guide__text">
          第一次使用扫码、复制等功能时，我们会请您阅读并同意本指引；不同意也可以浏览社区公开的信息，只是这些功能暂时不能使用。您同意的版本和时间会记录在您的账号下。
        </Text>
        <View
          className="privacy-guide__link"
          role="link"
          aria-label="个人信息与账号：下载数据或注销账号"
          onClick={() => void Taro.navigateTo({ url: SUB_PAGES.privacy })}
        >
          <Text>前往「个人信息与账号」下载数据或注销账号</Text>
        </View>
      </View>
    </PageShell>
  );
}
