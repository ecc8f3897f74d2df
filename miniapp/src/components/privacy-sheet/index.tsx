import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useSyncExternalStore } from 'react';
import { SUB_PAGES } from '../../constants';
import { COLLECTED_INFORMATION, DEVICE_PERMISSIONS } from '../../services/privacy-catalog';
import {
  AGREE_BUTTON_ID,
  answerConsent,
  isConsentSheetOpen,
  subscribeConsentSheet,
} from '../../services/privacy-consent';
import './index.css';

/**
 * Linli's own privacy consent sheet (隐私授权弹窗): what is collected and why, a link to the full
 * guide, 同意 / 不同意. It opens when WeChat asks (onNeedPrivacyAuthorization) or, on H5, before
 * the first privacy API. In WeChat the agree button is WeChat's agreePrivacyAuthorization button.
 */
export function PrivacySheet() {
  const open = useSyncExternalStore(subscribeConsentSheet, isConsentSheetOpen, isConsentSheetOpen);
  if (!open) return null;
  return (
    <View className="privacy-sheet">
      <View className="privacy-sheet__mask" />
      <View className="privacy-sheet__panel" role="dialog" aria-modal="true" aria-label="邻里隐私保护提示">
        <Text className="privacy-sheet__title">邻里隐私保护提示</Text>
        <Text className="privacy-sheet__lead">使用这项功能前，请了解邻里收集哪些信息、用来做什么：</Text>
        <View className="privacy-sheet__list">
          {[...COLLECTED_INFORMATION, ...DEVICE_PERMISSIONS].map(({ item, why }) => (
            <Text key={item} className="privacy-sheet__item">
              <Text className="privacy-sheet__item-name">{item}</Text>：{why}
            </Text>
          ))}
        </View>
        <View
          className="privacy-sheet__link"
          role="link"
          aria-label="阅读完整的《邻里隐私保护指引》"
          onClick={() => void Taro.navigateTo({ url: SUB_PAGES.privacyGuide })}
        >
          <Text>阅读完整的《邻里隐私保护指引》</Text>
        </View>
        <Text className="privacy-sheet__note">不同意也可以继续浏览社区公开的信息。</Text>
        <View className="privacy-sheet__buttons">
          <Button className="privacy-sheet__button" onClick={() => answerConsent('disagree')}>
            不同意
          </Button>
          <Button
            id={AGREE_BUTTON_ID}
            className="privacy-sheet__button privacy-sheet__button--agree"
            openType="agreePrivacyAuthorization"
            onClick={() => answerConsent('agree')}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  );
}
