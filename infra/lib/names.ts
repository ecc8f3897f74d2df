/** `community` → `Community`, `bulk-order` → `BulkOrder`: construct ids from route-table names. */
export function pascalCase(name: string): string {
  return name.replace(/(^|[-_])([a-z])/g, (_match, _separator, letter: string) => letter.toUpperCase());
}
