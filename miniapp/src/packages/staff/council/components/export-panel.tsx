import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { useExportAttendees } from '../../../../hooks/use-council-staff';
import { copyCsv, saveCsv, shareCsv, type CsvFile } from '../../../../services/export-file';
import './council.css';

/** 导出名单: a CSV download in H5; in WeChat a file to send to a chat, or the list copied as text. */
export function ExportPanel({ communityId, sessionId }: { communityId: string; sessionId: string }) {
  const exporter = useExportAttendees(communityId, sessionId);
  const [saved, setSaved] = useState<{ file: CsvFile; path: string }>();

  const run = async () => {
    const file = await exporter.submit();
    if (!file) return;
    try {
      const result = await saveCsv(file);
      if (result.kind === 'downloaded') {
        void Taro.showToast({ title: '名单已下载', icon: 'none', duration: 2000 });
      } else {
        setSaved({ file, path: result.path });
      }
    } catch {
      // Could not write the file: the text can still be copied.
      // Declining the privacy guide leaves nothing copied; its own toast says why.
      await copyCsv(file).then(
        () => Taro.showToast({ title: '名单已复制，可以粘贴到表格里', icon: 'none', duration: 2500 }),
        () => undefined,
      );
    }
  };

  return (
    <View className="linli-card">
      <Text className="staff__title">导出名单</Text>
      <Text className="staff__text linli-muted">表格文件（CSV），可以用 Excel 或 WPS 打开、打印。</Text>
      <Button className="staff__action" size="large" block loading={exporter.pending} onClick={() => void run()}>
        导出名单
      </Button>
      {saved ? (
        <>
          <Text className="staff__text">已生成：{saved.file.filename}</Text>
          <View className="staff__buttons">
            <Button
              className="staff__button"
              size="large"
              onClick={() =>
                void copyCsv(saved.file).then(
                  () => Taro.showToast({ title: '已复制', icon: 'none', duration: 1500 }),
                  () => undefined,
                )
              }
            >
              复制文字
            </Button>
            <Button
              className="staff__button"
              type="primary"
              size="large"
              onClick={() => void shareCsv(saved.path, saved.file.filename).catch(() => undefined)}
            >
              发到微信聊天
            </Button>
          </View>
        </>
      ) : null}
    </View>
  );
}
