/** 下载我的数据 in the browser: a real file download. WeChat builds use save-file.ts. */
export type SavedFile = { kind: 'downloaded' } | { kind: 'file'; path: string };

export async function saveJson(filename: string, text: string): Promise<SavedFile> {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { kind: 'downloaded' };
}
