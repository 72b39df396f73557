/**
 * Opens a report page from disk in headless Chromium and checks it as a reader's browser would: every
 * figure finished drawing, each has non-empty drawn marks, nothing was logged as an error (script errors,
 * CSP violations, failed loads) and no dialog opened. Takes a full-page screenshot and one of figure 1.
 */
import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { CdpPipe } from './cdp-pipe';

/** The flags the project runs Chromium with (no network, no first-run, no sync, fresh profile). */
export function chromiumFlags(userDataDir: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--no-first-run',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--hide-scrollbars',
    '--mute-audio',
    `--user-data-dir=${userDataDir}`,
    '--remote-debugging-pipe',
    'about:blank',
  ];
}

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
  return JSON.stringify({ figures, firstLine: first ? first.textContent : '', images: document.querySelectorAll('img').length, sequencesText: sequences ? sequences.textContent : '' });
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
  const child = spawn(options.chromium, chromiumFlags(options.userDataDir), { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      stderr += `\n${error.message}`;
      resolve();
    });
  });
  const cdp = new CdpPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const errors: string[] = [];
  const dialogs: string[] = [];
  try {
    const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    const page = <T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}) => cdp.send<T>(method, params, sessionId);
    cdp.on((event) => {
      if (event.sessionId !== sessionId) return;
      const p = event.params as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      if (event.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'assert')) {
        errors.push(`console.${p.type}: ${(p.args ?? []).map((a: any) => a.value ?? a.description ?? '').join(' ')}`); // eslint-disable-line @typescript-eslint/no-explicit-any
      } else if (event.method === 'Runtime.exceptionThrown') {
        errors.push(`exception: ${p.exceptionDetails?.exception?.description ?? p.exceptionDetails?.text}`);
      } else if (event.method === 'Log.entryAdded' && p.entry?.level === 'error') {
        errors.push(`log (${p.entry.source}): ${p.entry.text}`);
      } else if (event.method === 'Page.javascriptDialogOpening') {
        dialogs.push(String(p.message));
        void page('Page.handleJavaScriptDialog', { accept: false }).catch(() => {});
      }
    });
    const width = options.viewportWidth ?? 1100;
    await page('Emulation.setDeviceMetricsOverride', { width, height: 900, deviceScaleFactor: 1, mobile: false });
    await page('Runtime.enable');
    await page('Log.enable');
    await page('Page.enable');
    await page('Page.navigate', { url: pathToFileURL(htmlPath).href });

    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    const evaluate = async (expression: string) => (await page<{ result: { value?: unknown } }>('Runtime.evaluate', { expression, returnByValue: true })).result.value;
    while ((await evaluate("document.readyState === 'complete' && document.documentElement.getAttribute('data-figures')")) !== 'done') {
      if (Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const inspected = JSON.parse(String(await evaluate(INSPECT))) as Omit<PageCheck, 'errors' | 'dialogs' | 'pageScreenshot' | 'firstFigureScreenshot' | 'firstFigureName'>;

    const metrics = await page<{ cssContentSize: { width: number; height: number } }>('Page.getLayoutMetrics');
    const height = Math.ceil(metrics.cssContentSize.height);
    const shot = await page<{ data: string }>('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width, height, scale: 1 } });
    const firstDrawn = inspected.figures.find((figure) => figure.status === 'rendered') ?? null;
    let firstFigureScreenshot: Buffer | null = null;
    if (firstDrawn) {
      const box = JSON.parse(
        String(await evaluate(`JSON.stringify((() => { const chart = document.getElementById('fig-${firstDrawn.name}').querySelector('.chart'); const r = (chart.querySelector('svg') || chart).getBoundingClientRect(); return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height }; })())`)),
      ) as { x: number; y: number; width: number; height: number };
      const figureShot = await page<{ data: string }>('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { ...box, scale: 2 } });
      firstFigureScreenshot = Buffer.from(figureShot.data, 'base64');
    }
    return { ...inspected, errors, dialogs, pageScreenshot: Buffer.from(shot.data, 'base64'), firstFigureScreenshot, firstFigureName: firstDrawn?.name ?? null };
  } catch (error) {
    throw new Error(`Chromium check of ${htmlPath} failed: ${(error as Error).message}\n${stderr}`);
  } finally {
    await cdp.send('Browser.close').catch(() => {});
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
