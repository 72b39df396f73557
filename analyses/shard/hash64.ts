/**
 * A 64-bit hash of a string as 16 hex digits (two independent 32-bit multiplicative hashes over the
 * UTF-16 code units): shards ship hashed episode ids and query sequences instead of the strings.
 * Not cryptographic: among a million strings two collide with a chance of about 3·10⁻⁸ (a billion: 3 %).
 */

/** The hash of a string, 16 lower-case hex digits. */
export function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b ^= b >>> 16;
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
