/**
 * Measures the text of rendered figures in Chromium: opens each SVG file on its own (so the definition
 * ids of different figures cannot collide) and returns the bounding box of every visible text, with
 * the clip region it is drawn in — what reports/layout/text-boxes.ts checks for overlaps and clipping.
 */
import { basename } from 'node:path';
import type { FigureBoxes } from '../layout/text-boxes';
import type { BrowserPage } from './browser-page';

// Runs in the page: the SVG document is the root element.
const MEASURE = `(() => {
  const svg = document.documentElement;
  const box = (r) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
  const visible = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentNode) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
      if (node === svg) break;
    }
    return Number(getComputedStyle(el).fillOpacity) !== 0;
  };
  const clipOf = (el) => {
    for (let node = el.parentNode; node && node !== svg; node = node.parentNode) {
      const ref = node.getAttribute && node.getAttribute('clip-path');
      if (!ref) continue;
      const match = /#([^)"']+)/.exec(ref);
      const shape = match && svg.querySelector('[id="' + match[1] + '"] > *');
      if (!shape) return null;
      // userSpaceOnUse: the clip shape lives in the user space of the element that references it.
      const b = shape.getBBox();
      const m = node.getScreenCTM();
      const xs = [], ys = [];
      for (const [x, y] of [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]]) {
        xs.push(m.a * x + m.c * y + m.e);
        ys.push(m.b * x + m.d * y + m.f);
      }
      return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
    }
    return null;
  };
  const texts = [];
  for (const t of svg.querySelectorAll('text')) {
    const text = (t.textContent || '').trim();
    if (text === '' || !visible(t)) continue;
    // The glyph box in the text's own coordinates, mapped through its transform (rotation included).
    const b = t.getBBox();
    const m = t.getScreenCTM();
    const corners = [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]].map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
    texts.push({ text, corners, clip: clipOf(t) });
  }
  return JSON.stringify({ frame: box(svg.getBoundingClientRect()), texts });
})()`;

/** Opens each SVG file in the page and measures its texts. */
export async function measureFigures(page: BrowserPage, svgFiles: readonly string[]): Promise<FigureBoxes[]> {
  const figures: FigureBoxes[] = [];
  for (const file of svgFiles) {
    await page.open(file);
    const ready = await page.waitFor(`document.readyState === 'complete' && document.location.href.endsWith(${JSON.stringify(encodeURI(basename(file)))})`, 10_000);
    if (!ready) throw new Error(`${file} did not load in Chromium`);
    const measured = JSON.parse(String(await page.evaluate(MEASURE))) as Omit<FigureBoxes, 'name'>;
    figures.push({ name: basename(file, '.svg'), ...measured });
  }
  return figures;
}
