/**
 * 下载我的数据 in WeChat: the JSON is written to the mini-program's own folder and sent to a chat
 * (to open on a computer). H5 uses save-file.h5.ts, a browser download.
 */
import Taro from '@tarojs/taro';

export type SavedFile = { kind: 'downloaded' } | { kind: 'file'; path: string };

export async function saveJson(filename: string, text: string): Promise<SavedFile> {
  const path = `${Taro.env.USER_DATA_PATH}/${filename}`;
  Taro.getFileSystemManager().writeFileSync(path, text, 'utf8');
  await Taro.shareFileMessage({ filePath: path, fileName: filename });
  return { kind: 'file', path };
}
