/** Shortening text for display without holding on to the original (which may be huge). */

/** The first `limit` code points of a text, as a new flat string (no reference to a huge parent string). */
export function codePoints(text: string, limit: number): string[] {
  const out: string[] = [];
  for (const char of text) {
    if (out.length >= limit) break;
    out.push(char);
  }
  return out;
}

/** `text` cut to at most `limit` characters (code points), the middle replaced by `…`. */
export function shortenMiddle(text: string, limit: number): string {
  if (text.length <= limit || codePoints(text, limit + 1).length <= limit) return text;
  const head = codePoints(text, Math.ceil((limit - 1) / 2)).join('');
  // The tail, read from the end without copying the whole text into an array.
  const tail: string[] = [];
  let end = text.length;
  while (tail.length < Math.floor((limit - 1) / 2)) {
    const low = text.charCodeAt(end - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && end > 1 ? 2 : 1;
    tail.unshift(text.slice(end - width, end));
    end -= width;
  }
  return `${head}…${tail.join('')}`;
}
