/** PNG rendering of an SVG with @resvg/resvg-js (no browser, no canvas). */
import { Resvg } from '@resvg/resvg-js';
import type { FontSetup } from './fonts';

/**
 * Renders an SVG to PNG bytes at `scale` times its size (3 → a 330 px figure becomes 990 px, i.e.
 * 3.3 in at 300 dpi), on white.
 */
export function renderPng(svg: string, fonts: FontSetup, scale = 3): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
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
