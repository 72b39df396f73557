/**
 * Names as figures and the page show them. Policy and family names come from the user's files and can
 * be any length (issue 15: a 200,000-character policy name made 83,553 px wide PNGs and 24 GB of
 * memory), so every name longer than `DISPLAY_LIMIT` characters is shortened in the middle — checkpoint
 * names differ at the end (`…-step-1200`) — and kept whole up to `FULL_LIMIT` characters in the list of
 * shortened names the page prints. The CSV outputs of the stages keep every name whole.
 */
import { codePoints, shortenMiddle } from '../text/shorten';

/** Longest name shown as is (characters). */
export const DISPLAY_LIMIT = 40;

/** Longest full name kept for the page's list of shortened names (characters). */
export const FULL_LIMIT = 1000;

/** Gives every long name one short, unique display form, the same wherever it appears in a report. */
export class DisplayNames {
  private readonly byName = new Map<string, string>();
  private readonly taken = new Map<string, string>();
  private readonly shortened: { short: string; full: string }[] = [];

  /**
   * The display form of a name: itself when short, else shortened in the middle; unique per report.
   * Control characters show as spaces (a newline would start a new line of a panel label).
   */
  short(name: string): string {
    const known = this.byName.get(name);
    if (known !== undefined) return known;
    const clean = name.replace(/[\u0000-\u001f\u007f]/g, ' ');
    let short = shortenMiddle(clean, DISPLAY_LIMIT);
    for (let n = 2; this.taken.has(short); n++) short = `${shortenMiddle(clean, DISPLAY_LIMIT - String(n).length - 1)}#${n}`;
    // Keep a flat copy: a slice of a huge string (a CSV chunk, a parsed line) keeps all of it alive.
    const key = codePoints(name, name.length).join('');
    this.byName.set(key, short);
    this.taken.set(short, key);
    if (short !== name) {
      const full = codePoints(name, FULL_LIMIT + 1);
      this.shortened.push({ short, full: full.length > FULL_LIMIT ? `${full.slice(0, FULL_LIMIT).join('')}… (${name.length.toLocaleString('en-US')} characters)` : full.join('') });
    }
    return short;
  }

  /** The names that were shortened, in the order they were first seen, with their full text (up to FULL_LIMIT). */
  list(): { short: string; full: string }[] {
    return [...this.shortened];
  }
}
