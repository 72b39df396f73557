import { describe, expect, it } from 'vitest';
import { DISPLAY_LIMIT, DisplayNames, FULL_LIMIT } from '../../../reports/load/display-names';
import { boundedScale, MAX_PNG_PIXELS } from '../../../reports/render/png';
import { shortenMiddle } from '../../../reports/text/shorten';

describe('names shortened for display', () => {
  it('cuts in the middle, by code points, and leaves short names alone', () => {
    expect(shortenMiddle('base', 10)).toBe('base');
    expect(shortenMiddle('Qwen2.5-7B-Instruct-GRPO-step-1200', 21)).toBe('Qwen2.5-7B…-step-1200');
    // Astral characters count as one and are never split.
    expect(shortenMiddle('😀'.repeat(30), 5)).toBe('😀😀…😀😀');
    expect([...shortenMiddle('a😀'.repeat(50), 11)]).toHaveLength(11);
  });

  it('gives every long name one unique short form and lists each once with its full text, capped', () => {
    const names = new DisplayNames();
    const a = `ckpt-${'x'.repeat(60)}-step-1200`;
    const b = `ckpt-${'x'.repeat(60)}-step-1400`;
    const same = `ckpt-${'x'.repeat(60)}-step-1200`.replace('ckpt', 'ckpt'); // equal text, another string
    expect(names.short('rl')).toBe('rl');
    expect(names.short(a)).toHaveLength(DISPLAY_LIMIT);
    expect(names.short(a)).not.toBe(names.short(b));
    expect(names.short(same)).toBe(names.short(a));
    // Two names whose middle-shortened forms collide are told apart.
    const c = `${'y'.repeat(30)}MIDDLE-ONE${'z'.repeat(30)}`;
    const d = `${'y'.repeat(30)}MIDDLE-TWO${'z'.repeat(30)}`;
    expect(names.short(c)).not.toBe(names.short(d));
    // A name with a newline shows it as a space, and is listed with its full text.
    expect(names.short('multi\nhop')).toBe('multi hop');
    const huge = 'P'.repeat(200_000);
    names.short(huge);
    const list = names.list();
    expect(list.map((n) => n.short)).toEqual([names.short(a), names.short(b), names.short(c), names.short(d), 'multi hop', names.short(huge)]);
    expect(list[0]!.full).toBe(a);
    expect(list[5]!.full).toBe(`${'P'.repeat(FULL_LIMIT)}… (200,000 characters)`);
  });
});

describe('PNG size', () => {
  it('keeps the requested zoom unless the PNG would pass the pixel cap', () => {
    expect(boundedScale(400, 300, 3)).toBe(3);
    const zoom = boundedScale(20_000, 5_000, 3);
    expect(zoom).toBeLessThan(3);
    expect(20_000 * 5_000 * zoom ** 2).toBeCloseTo(MAX_PNG_PIXELS, -3);
  });
});
