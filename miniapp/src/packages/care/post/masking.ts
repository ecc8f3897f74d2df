/** 刘淑珍 → 刘**, as the wall will show it (the server masks it the same way). */
export function surnameOf(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}
