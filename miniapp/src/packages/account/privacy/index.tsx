import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { FormField } from '../../../components/form-field';
import { PageShell } from '../../../components/page-shell';
import { TextField } from '../../../components/text-field';
import { SUB_PAGES, TAB_PAGES } from '../../../constants';
import { ERASE_CONFIRMATION, useDataCopy, useEraseAccount } from '../../../hooks/use-privacy';
import { todayInShanghai } from '../../../services/form-rules';
import { saveJson } from './save-file';
import './index.css';

/** 个人信息与账号: download a copy of my data, or delete my account after a confirmation. */
export default function PrivacyPage() {
  const copy = useDataCopy();
  const erase = useEraseAccount();
  const [typed, setTyped] = useState('');
  const [saved, setSaved] = useState(false);
  const typedRight = typed.trim() === ERASE_CONFIRMATION;

  async function download() {
    const text = await copy.submit(undefined);
    if (text === undefined) return;
    await saveJson(`linli-我的数据-${todayInShanghai()}.json`, text);
    setSaved(true);
  }

  async function eraseAccount() {
    const { confirm } = await Taro.showModal({
      title: '注销账号',
      content:
        '注销后无法恢复：未来的议事会预约和未取的订餐会取消，姓名、电话、出生日期和微信标识会被删除。确定注销吗？',
      confirmText: '确定注销',
      confirmColor: '#b42318',
    });
    if (!confirm) return;
    const report = await erase.submit(typed.trim());
    if (!report) return;
    await Taro.showToast({ title: '账号已注销', icon: 'success' });
    void Taro.switchTab({ url: TAB_PAGES.home });
  }

  return (
    <PageShell className="privacy">
      <View
        className="linli-card privacy__guide-link"
        role="link"
        aria-label="阅读《邻里隐私保护指引》"
        onClick={() => void Taro.navigateTo({ url: SUB_PAGES.privacyGuide })}
      >
        <Text>阅读《邻里隐私保护指引》：收集哪些信息、做什么用</Text>
      </View>
      <Text className="linli-section-title">我的数据</Text>
      <View className="linli-card privacy__card">
        <Text className="privacy__text">
          下载一份邻里保存的您的全部信息：居民档案、预约、订餐、议题、积分和消息，保存为一个文件。
        </Text>
        <Button type="primary" size="large" block loading={copy.pending} onClick={() => void download()}>
          下载我的数据
        </Button>
        {saved ? (
          <Text className="privacy__done" aria-live="polite">
            数据文件已生成
          </Text>
        ) : null}
      </View>

      <Text className="linli-section-title">注销账号</Text>
      <View className="linli-card privacy__card">
        <Text className="privacy__text">注销后：</Text>
        <Text className="privacy__text">· 未来的议事会预约、未取的订餐会自动取消，座位和餐份留给邻居；</Text>
        <Text className="privacy__text">· 您的姓名、电话、出生日期和微信标识会被删除；</Text>
        <Text className="privacy__text">· 积分账目、结算和到会记录按规定保留，但只留匿名编号，不再能认出您。</Text>
        <FormField label="确认文字" hint={`请输入“${ERASE_CONFIRMATION}”四个字`}>
          <TextField label="确认文字" value={typed} maxlength={8} placeholder={ERASE_CONFIRMATION} onInput={setTyped} />
        </FormField>
        <Button
          className="privacy__erase"
          size="large"
          block
          disabled={!typedRight}
          loading={erase.pending}
          onClick={() => void eraseAccount()}
        >
          注销账号
        </Button>
      </View>
    </PageShell>
  );
}
