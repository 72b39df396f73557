/**
 * The report page in a real browser: headless Chromium opens index.html from disk (no server, no
 * network), waits for every figure, and the test asserts no console errors, non-empty drawn marks in
 * each figure, text-only rendering of hostile queries, and saves screenshots into the run folder.
 * Set REPORT_RUN_DIR=runs/<name> to check a real run's report too.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkReportPage, type PageCheck } from '../../reports/browser/check-page';
import { ReportParams, reportStage, selectFigures } from '../../pipeline/stages/report/stage';
import { ALL_STAGES, EVIL_QUERIES, fixtureContext, writeFixtureRun } from '../reports/fixture-run';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} is missing (Debian: apt-get install -y chromium fonts-dejavu-core).`);

async function check(html: string, screenshots: string): Promise<PageCheck> {
  const profile = mkdtempSync(join(tmpdir(), 'report-chromium-'));
  try {
    const result = await checkReportPage(html, { chromium: CHROMIUM, userDataDir: profile, timeoutMs: 60_000 });
    mkdirSync(screenshots, { recursive: true });
    writeFileSync(join(screenshots, 'report-page.png'), result.pageScreenshot);
    if (result.firstFigureScreenshot) writeFileSync(join(screenshots, `figure-${result.firstFigureName}.png`), result.firstFigureScreenshot);
    return result;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function expectAllFiguresDrawn(result: PageCheck): void {
  expect(result.errors).toEqual([]);
  expect(result.dialogs).toEqual([]);
  for (const figure of result.figures.filter((f) => f.status !== 'skipped')) {
    expect(figure.status, figure.name).toBe('rendered');
    expect(figure.marks, figure.name).toBeGreaterThan(0);
  }
}

describe.skipIf(!hasChromium)('report page in headless Chromium', () => {
  it('draws every figure with no console error and shows hostile text as text', async () => {
    const runDir = resolve('runs/browser-test');
    rmSync(runDir, { recursive: true, force: true });
    const inputs = writeFixtureRun(join(runDir, 'upstream'), ALL_STAGES);
    const reportDir = join(runDir, 'report');
    await reportStage.run(fixtureContext(inputs, reportDir, ReportParams.parse({ paperReference: true })));

    const result = await check(join(reportDir, 'index.html'), join(runDir, 'screenshots'));
    expect(result.figures.map((f) => f.name)).toEqual(selectFigures([]));
    expectAllFiguresDrawn(result);
    expect(result.firstLine).toMatch(/^Simulated data:/);
    expect(result.overflow).toEqual([]);
    expect(result.headline).toMatch(/^The answer/);
    expect(result.images).toBe(0);
    for (const query of EVIL_QUERIES) expect(result.sequencesText).toContain(query);
    expect(result.firstFigureName).toBe('pass-vs-k');
    expect(existsSync(join(runDir, 'screenshots', 'figure-pass-vs-k.png'))).toBe(true);
    console.log(`browser test: ${result.figures.length} figures drawn, marks ${result.figures.map((f) => f.marks).join(' ')}; screenshots in ${join(runDir, 'screenshots')}`);
  }, 180_000);

  it('notices a figure that fails to draw and markup injected into the page', async () => {
    const page = readFileSync(resolve('runs/browser-test/report/index.html'), 'utf8');
    const broken = page
      .replace(/(<script type="application\/json" id="spec-pass-vs-k">)[^<]*/, '$1{"marks": [truncated')
      .replace('<h1>', '<img src="x" onerror="alert(1)"><h1>')
;
    // The last </body> (the inlined builds contain the string too).
    const wide = `${broken.slice(0, broken.lastIndexOf('</body>'))}<table id="too-wide"><tr><td>${'x'.repeat(400)}</td></tr></table>${broken.slice(broken.lastIndexOf('</body>'))}`;
    const dir = mkdtempSync(join(tmpdir(), 'report-broken-'));
    writeFileSync(join(dir, 'index.html'), wide);
    const result = await check(join(dir, 'index.html'), join(dir, 'screenshots'));
    expect(result.figures.find((f) => f.name === 'pass-vs-k')!.status).toBe('error');
    expect(result.errors.join('\n')).toMatch(/pass-vs-k failed to render/);
    // The injected handler is blocked by the page's Content-Security-Policy, and the check reports it.
    expect(result.images).toBe(1);
    expect(result.dialogs).toEqual([]);
    expect(result.errors.join('\n')).toMatch(/Content Security Policy|inline event handler/i);
    // A table wider than the column is reported (the stage-parameter table once was cut off).
    expect(result.overflow).toContain('table#too-wide');
  }, 180_000);

  it.skipIf(!process.env.REPORT_RUN_DIR)('draws every figure of the run in REPORT_RUN_DIR', async () => {
    const runDir = resolve(process.env.REPORT_RUN_DIR!);
    const folder = readdirSync(runDir).find((entry) => /(^|-)report$/.test(entry) && existsSync(join(runDir, entry, 'index.html')));
    expect(folder, `no report folder with index.html in ${runDir}`).toBeDefined();
    const result = await check(join(runDir, folder!, 'index.html'), join(runDir, 'screenshots'));
    expectAllFiguresDrawn(result);
    expect(result.figures.some((f) => f.status === 'rendered')).toBe(true);
  }, 180_000);
});
