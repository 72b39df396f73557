/**
 * One headless Chromium with one page, driven over the DevTools pipe: launch, navigate to a file,
 * evaluate expressions, take screenshots, and collect what the page logged as an error (console
 * errors, uncaught exceptions, CSP violations, failed loads) and the dialogs it tried to open.
 * Always close it with `close()`, which ends the browser it started.
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

/** How to start the browser. */
export interface BrowserOptions {
  chromium: string;
  userDataDir: string;
  viewportWidth?: number;
  viewportHeight?: number;
}

/** A page in a running headless Chromium. */
export interface BrowserPage {
  /** Sends a DevTools command to the page. */
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Evaluates an expression in the page and returns its value (by value). */
  evaluate(expression: string): Promise<unknown>;
  /** Opens a local file. */
  open(path: string): Promise<void>;
  /** Polls `expression` every 100 ms until it is truthy or the time is up; returns whether it became truthy. */
  waitFor(expression: string, timeoutMs: number): Promise<boolean>;
  /** A PNG of a region of the page (CSS pixels) at `scale`. */
  screenshot(clip: { x: number; y: number; width: number; height: number }, scale?: number): Promise<Buffer>;
  /** Console errors, uncaught exceptions and error log entries seen so far. */
  readonly errors: string[];
  /** Messages of dialogs the page tried to open (dismissed). */
  readonly dialogs: string[];
  readonly viewportWidth: number;
  /** Closes the browser and waits for it to exit. */
  close(): Promise<void>;
}

/** Starts Chromium and attaches to a fresh page; on failure the browser is ended and its stderr reported. */
export async function openBrowserPage(options: BrowserOptions): Promise<BrowserPage> {
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
  const close = async () => {
    await cdp.send('Browser.close').catch(() => {});
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    const send = <T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}) => cdp.send<T>(method, params, sessionId);
    const errors: string[] = [];
    const dialogs: string[] = [];
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
        void send('Page.handleJavaScriptDialog', { accept: false }).catch(() => {});
      }
    });
    const width = options.viewportWidth ?? 1100;
    await send('Emulation.setDeviceMetricsOverride', { width, height: options.viewportHeight ?? 900, deviceScaleFactor: 1, mobile: false });
    await send('Runtime.enable');
    await send('Log.enable');
    await send('Page.enable');
    const evaluate = async (expression: string) => {
      const reply = await send<{ result: { value?: unknown }; exceptionDetails?: { exception?: { description?: string }; text?: string } }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
      if (reply.exceptionDetails) throw new Error(`evaluation failed: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
      return reply.result.value;
    };
    return {
      send,
      evaluate,
      errors,
      dialogs,
      viewportWidth: width,
      close,
      async open(path) {
        await send('Page.navigate', { url: pathToFileURL(path).href });
      },
      async waitFor(expression, timeoutMs) {
        const deadline = Date.now() + timeoutMs;
        // While a navigation replaces the document, an expression may throw: that counts as not yet.
        while (!(await evaluate(expression).catch(() => false))) {
          if (Date.now() > deadline) return false;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return true;
      },
      async screenshot(clip, scale = 1) {
        const shot = await send<{ data: string }>('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { ...clip, scale } });
        return Buffer.from(shot.data, 'base64');
      },
    };
  } catch (error) {
    await close();
    throw new Error(`Chromium did not start a page: ${(error as Error).message}\n${stderr}`);
  }
}
