/**
 * Labels never collide: the real pipeline runs on small and awkward grids (one family, one budget, one
 * policy; five families × five budgets; long policy and family names), and headless Chromium measures
 * every text of every rendered figure (the SVG files, drawn with DejaVu Sans as the PNGs are): no two
 * texts overlap and none runs past the figure's edge or its clip region. The page of each run must not
 * be cut off on the right (the stage-parameter table was). Skips with a printed reason without Chromium.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReportPage } from '../../reports/browser/check-page';
import { openBrowserPage } from '../../reports/browser/browser-page';
import { measureFigures } from '../../reports/browser/figure-boxes';
import { layoutFaults } from '../../reports/layout/text-boxes';
import { writeGridInputs, type GridShape } from '../helpers/grid-inputs';
import { runCli } from '../helpers/run-cli';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`figure layout tests skipped: ${CHROMIUM} is missing (Debian: apt-get install -y chromium fonts-dejavu-core).`);

const LONG_BASE = 'Qwen2.5-7B-Instruct-base-checkpoint';
/** The awkward grids, and the base policy each compares against. */
const GRIDS: Record<string, { shape: GridShape; base?: string }> = {
  'one family, one budget, one policy': { shape: { families: ['multihop'], budgets: [3], policies: ['base'], tasksPerFamily: 6, samples: 4 } },
  '5 families × 5 budgets': { shape: { families: ['multihop', 'single', 'numeric', 'yes-no', 'temporal'], budgets: [0, 1, 2, 4, 8], policies: ['base', 'rl'], tasksPerFamily: 4, samples: 4 } },
  'long policy and family names': {
    shape: { families: ['multihop-questions-from-the-2wiki-dataset', 'single'], budgets: [1, 3], policies: [LONG_BASE, 'Qwen2.5-7B-Instruct-GRPO-step-1200', 'Qwen2.5-7B-Instruct-GRPO-step-1400'], tasksPerFamily: 4, samples: 4 },
    base: LONG_BASE,
  },
};

describe.skipIf(!hasChromium)('figures on awkward grids in headless Chromium', () => {
  const root = mkdtempSync(join(tmpdir(), 'figure-layout-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  for (const [name, { shape, base }] of Object.entries(GRIDS)) {
    it(`${name}: no text overlaps another or is cut off, and the page fits its column`, async () => {
      const dir = join(root, name.replace(/\W+/g, '-'));
      mkdirSync(dir, { recursive: true });
      const inputs = writeGridInputs(dir, shape);
      const runDir = join(dir, 'run');
      const run = await runCli(['pipeline', '--tasks', inputs.tasks, '--trajectories', inputs.trajectories, '--run-dir', runDir, '--resamples', '100', ...(base ? ['--base', base] : [])]);
      expect(run.error, run.err).toBeNull();
      const report = join(runDir, 'report');
      const svgs = readdirSync(report).filter((file) => file.endsWith('.svg')).sort().map((file) => join(report, file));
      expect(svgs.length).toBeGreaterThanOrEqual(name.startsWith('one') ? 5 : 14);

      const profile = mkdtempSync(join(dir, 'chromium-'));
      const page = await openBrowserPage({ chromium: CHROMIUM, userDataDir: profile });
      let figures;
      try {
        figures = await measureFigures(page, svgs);
      } finally {
        await page.close();
      }
      const faults = figures.flatMap((figure) => layoutFaults(figure));
      expect(faults.map((f) => `${f.figure}: ${f.kind}: ${f.detail}`)).toEqual([]);
      expect(figures.reduce((n, f) => n + f.texts.length, 0)).toBeGreaterThan(50);

      const checked = await checkReportPage(join(report, 'index.html'), { chromium: CHROMIUM, userDataDir: mkdtempSync(join(dir, 'chromium-')), timeoutMs: 60_000 });
      expect(checked.errors).toEqual([]);
      expect(checked.overflow).toEqual([]);
      writeFileSync(join(dir, 'page.png'), checked.pageScreenshot);
    }, 240_000);
  }

  it('notices overlapping and clipped text', async () => {
    const dir = mkdtempSync(join(root, 'faults-'));
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><g font-family="DejaVu Sans" font-size="11">
<text x="10" y="20">multihop</text><text x="40" y="22">single</text><text x="100" y="50">cut off</text><text x="10" y="50" opacity="0">hidden</text></g></svg>`;
    writeFileSync(join(dir, 'bad.svg'), svg);
    const page = await openBrowserPage({ chromium: CHROMIUM, userDataDir: mkdtempSync(join(dir, 'chromium-')) });
    try {
      const [figure] = await measureFigures(page, [join(dir, 'bad.svg')]);
      expect(figure!.texts.map((t) => t.text)).toEqual(['multihop', 'single', 'cut off']);
      expect(layoutFaults(figure!).map((f) => f.kind).sort()).toEqual(['clipped', 'overlap']);
    } finally {
      await page.close();
    }
  }, 60_000);
});
