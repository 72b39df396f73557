/**
 * Opens a report page from disk in headless Chromium and checks it as a reader's browser would: every
 * figure finished drawing, each has non-empty drawn marks, nothing was logged as an error (script errors,
 * CSP violations, failed loads) and no dialog opened. Takes a full-page screenshot and one of figure 1.
 */
import { openBrowserPage } from './browser-page';

/** What the browser saw of one figure. */
export interface FigureInPage {
  name: string;
  /** `rendered`, `error`, `pending` (never finished) or `skipped`. */
  status: string;
  /** Drawn data-mark elements (paths with geometry, texts, rects) inside the live chart. */
  marks: number;
}

/** The outcome of a page check. */
export interface PageCheck {
  figures: FigureInPage[];
  /** Console errors, uncaught exceptions and error log entries (CSP violations, failed loads). */
  errors: string[];
  /** Messages of dialogs (alert/confirm) the page tried to open: injected script would show here. */
  dialogs: string[];
  /** The text of the first paragraph (the data-kind line). */
  firstLine: string;
  /** `<img>` elements in the document (the report has none; an injected one would show here). */
  images: number;
  /** The text content of the query-sequence table. */
  sequencesText: string;
  /** The text of the first section after the banner (the headline, when the page is right). */
  headline: string;
  /** Elements that stick out of the page's column or make the page scroll sideways (a table cut off on the right). */
  overflow: string[];
  /** Full-page PNG. */
  pageScreenshot: Buffer;
  /** PNG of the first drawn figure (figure 1 when drawn), at 2× scale; null when no figure was drawn. */
  firstFigureScreenshot: Buffer | null;
  firstFigureName: string | null;
}

const INSPECT = `(() => {
  const figures = [...document.querySelectorAll('figure[data-figure]')].map((figure) => {
    const chart = figure.querySelector('.chart');
    let marks = 0;
    if (chart) {
      for (const el of chart.querySelectorAll('g.role-mark > path, g.role-mark > text, g.role-mark > rect, g.role-mark > line')) {
        if (el.tagName === 'path' && !(el.getAttribute('d') || '').match(/[0-9]/)) continue;
        if (el.tagName === 'text' && (el.textContent || '').trim() === '') continue;
        marks += 1;
      }
    }
    return { name: figure.getAttribute('data-figure'), status: chart ? chart.getAttribute('data-status') : figure.getAttribute('data-status'), marks };
  });
  const first = document.querySelector('p');
  const sequences = document.querySelector('#query-sequences');
  const column = document.body.getBoundingClientRect().right - parseFloat(getComputedStyle(document.body).paddingRight);
  const overflow = [...document.querySelectorAll('table, section, p, ul, dl, figure')]
    .filter((el) => el.getBoundingClientRect().right > column + 1 || el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto')
    .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : el.className ? '.' + el.className : ''));
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth) overflow.push('page scrolls sideways');
  const section = document.querySelector('header.banner + section');
  return JSON.stringify({ figures, headline: section && section.id === 'headline' ? section.textContent.trim() : '', firstLine: first ? first.textContent : '', images: document.querySelectorAll('img').length, sequencesText: sequences ? sequences.textContent : '', overflow });
})()`;

/** Options of a page check. */
export interface CheckOptions {
  chromium: string;
  userDataDir: string;
  /** Gives up waiting for figures after this long. */
  timeoutMs?: number;
  viewportWidth?: number;
}

/** Runs the check; always closes the browser it started. */
export async function checkReportPage(htmlPath: string, options: CheckOptions): Promise<PageCheck> {
  const page = await openBrowserPage({ chromium: options.chromium, userDataDir: options.userDataDir, viewportWidth: options.viewportWidth ?? 1100 });
  try {
    await page.open(htmlPath);
    await page.waitFor("document.readyState === 'complete' && document.documentElement.getAttribute('data-figures') === 'done'", options.timeoutMs ?? 30_000);
    const inspected = JSON.parse(String(await page.evaluate(INSPECT))) as Omit<PageCheck, 'errors' | 'dialogs' | 'pageScreenshot' | 'firstFigureScreenshot' | 'firstFigureName'>;

    const metrics = await page.send<{ cssContentSize: { width: number; height: number } }>('Page.getLayoutMetrics');
    const pageScreenshot = await page.screenshot({ x: 0, y: 0, width: page.viewportWidth, height: Math.ceil(metrics.cssContentSize.height) });
    const firstDrawn = inspected.figures.find((figure) => figure.status === 'rendered') ?? null;
    let firstFigureScreenshot: Buffer | null = null;
    if (firstDrawn) {
      const box = JSON.parse(
        String(await page.evaluate(`JSON.stringify((() => { const chart = document.getElementById('fig-${firstDrawn.name}').querySelector('.chart'); const r = (chart.querySelector('svg') || chart).getBoundingClientRect(); return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height }; })())`)),
      ) as { x: number; y: number; width: number; height: number };
      firstFigureScreenshot = await page.screenshot(box, 2);
    }
    return { ...inspected, errors: page.errors, dialogs: page.dialogs, pageScreenshot, firstFigureScreenshot, firstFigureName: firstDrawn?.name ?? null };
  } catch (error) {
    throw new Error(`Chromium check of ${htmlPath} failed: ${(error as Error).message}`);
  } finally {
    await page.close();
  }
}
