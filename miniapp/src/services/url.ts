/**
 * `base` + `path` with exactly one slash between them, whether or not the base ends in one:
 * `https://api.example.cn/` (a stage URL as API Gateway prints it) and `/api` both work.
 */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
