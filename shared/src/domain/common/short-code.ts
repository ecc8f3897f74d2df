/**
 * Short codes people read aloud or type: check-in, pickup and merchant invite codes. The
 * alphabet leaves out 0/O and 1/I/L so that nobody mistakes one for the other.
 */
export const READABLE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A code of `length` readable characters from `random(length)` numbers (any non-negative integers). */
export function newShortCode(random: (n: number) => number[], length = 6): string {
  return random(length)
    .map((r) => READABLE_ALPHABET[r % READABLE_ALPHABET.length])
    .join('');
}

/** A typed 6-character code, upper-cased and without the spaces or dashes people add, when it could be one of ours. */
export function readShortCode(text: string): string | undefined {
  const code = text.replace(/[\s-]/g, '').toUpperCase();
  return /^[2-9A-HJKMNP-Z]{6}$/.test(code) ? code : undefined;
}

/** `<prefix><scope>:<code>`: the text in a QR code that names what a short code belongs to. */
export const scannableCode = (prefix: string, scope: string, code: string): string => `${prefix}${scope}:${code}`;

/** A scanned QR text or a typed code → the code, if it is well formed and belongs to `scope`. */
export function parseScannedCode(input: string, prefix: string, scope: string): string | undefined {
  const text = input.trim();
  if (!text.startsWith(prefix)) return readShortCode(text);
  const rest = text.slice(prefix.length);
  const cut = rest.lastIndexOf(':');
  if (cut < 0) return undefined;
  return rest.slice(0, cut) === scope ? readShortCode(rest.slice(cut + 1)) : undefined;
}
