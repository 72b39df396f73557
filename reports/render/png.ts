/** PNG rendering of an SVG with @resvg/resvg-js (no browser, no canvas). */
import { Resvg } from '@resvg/resvg-js';
import type { FontSetup } from './fonts';

/** Most pixels of one PNG (40 M: 160 MB of RGBA while rendering), whatever the figure's size. */
export const MAX_PNG_PIXELS = 40_000_000;

/** The zoom that renders a width × height figure at `scale`, lowered so the PNG stays within MAX_PNG_PIXELS. */
export function boundedScale(width: number, height: number, scale: number): number {
  const area = Math.max(1, width * height);
  return Math.min(scale, Math.sqrt(MAX_PNG_PIXELS / area));
}

/**
 * Renders an SVG to PNG bytes at `scale` times its size (3 → a 330 px figure becomes 990 px, i.e.
 * 3.3 in at 300 dpi), on white; a figure too large for that is rendered smaller (`boundedScale`).
 */
export function renderPng(svg: string, fonts: FontSetup, scale = 3): Uint8Array {
  const size = /<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(svg.slice(0, 2000));
  const zoom = size ? boundedScale(Number(size[1]), Number(size[2]), scale) : scale;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: zoom },
    background: 'white',
    font: {
      loadSystemFonts: fonts.system,
      fontFiles: fonts.files,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  return new Uint8Array(resvg.render().asPng());
}
