import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import type { TopLevelSpec } from 'vega-lite';
import { findFonts } from '../../../reports/render/fonts';
import { renderPng } from '../../../reports/render/png';
import { renderSvg } from '../../../reports/render/svg';
import { THEME } from '../../../reports/theme/theme';

const line: TopLevelSpec = {
  config: THEME,
  width: 120,
  height: 80,
  data: { values: [1, 2, 4, 8].map((k) => ({ k, pass: 0.2 + 0.1 * Math.log2(k), policy: k % 2 ? 'a' : 'b' })) },
  mark: { type: 'line', point: true },
  encoding: { x: { field: 'k', type: 'quantitative', scale: { type: 'log', base: 2 } }, y: { field: 'pass', type: 'quantitative' }, color: { field: 'policy', type: 'nominal' } },
};

// Clip paths give SVGs numbered ids: without resetting them, bytes would depend on what was drawn before.
const clipped: TopLevelSpec = {
  config: THEME,
  width: 60,
  height: 60,
  data: { values: [{ x: 1, y: 2 }] },
  mark: { type: 'point', clip: true },
  encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
};

describe('headless SVG rendering', () => {
  it('renders text and marks with the house font', async () => {
    const { svg, warnings } = await renderSvg(line);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('DejaVu Sans');
    expect(svg).toMatch(/class="mark-line role-mark/);
    expect(warnings).toEqual([]);
  });

  it('gives identical bytes for the same spec whatever was rendered before', async () => {
    const first = (await renderSvg(clipped)).svg;
    await renderSvg(line);
    await renderSvg(clipped);
    const again = (await renderSvg(clipped)).svg;
    expect(again).toBe(first);
    expect(first).toMatch(/clipPath id="clip1"/);
  });

  it('escapes text from the data in the SVG', async () => {
    const spec: TopLevelSpec = { ...line, data: { values: [{ k: 1, pass: 0.5, policy: '<script>alert(1)</script>' }] } } as TopLevelSpec;
    const { svg } = await renderSvg(spec);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });
});

const fonts = findFonts(existsSync);

describe.skipIf(fonts.system)('PNG rendering with DejaVu Sans', () => {
  it('is deterministic and scaled', async () => {
    const { svg } = await renderSvg(line);
    const a = renderPng(svg, fonts, 2);
    const b = renderPng(svg, fonts, 2);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a.subarray(1, 4)).toString()).toBe('PNG');
    const width = Buffer.from(a).readUInt32BE(16);
    const svgWidth = Number(/width="(\d+)"/.exec(svg)![1]);
    expect(width).toBe(svgWidth * 2);
  });
});

describe('font discovery', () => {
  it('finds DejaVu in the first folder that holds it, else falls back to system fonts', () => {
    const have = new Set(['/b/DejaVuSans.ttf', '/b/DejaVuSans-Bold.ttf']);
    expect(findFonts((p) => have.has(p), ['/a', '/b'])).toEqual({ files: ['/b/DejaVuSans.ttf', '/b/DejaVuSans-Bold.ttf'], system: false });
    expect(findFonts(() => false, ['/a'])).toEqual({ files: [], system: true });
  });
});

describe('spec files', () => {
  it('write one data row per line and parse back to the same spec', async () => {
    const { specJson } = await import('../../../reports/render/spec-json');
    const spec = { $schema: 'x', data: { values: [{ a: 1, q: '"quoted"' }, { a: 2, q: '__vl_data_values__' }] }, mark: 'point' };
    const text = specJson(spec);
    expect(JSON.parse(text)).toEqual(spec);
    expect(text.split('\n').filter((line) => line.includes('"a":'))).toHaveLength(2);
    expect(JSON.parse(specJson({ mark: 'point' }))).toEqual({ mark: 'point' });
  });
});
