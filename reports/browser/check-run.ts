/**
 * Command-line check of a run's report in headless Chromium:
 *   npx tsx reports/browser/check-run.ts runs/default
 * finds the report folder of the run, opens its index.html from disk, prints what the browser drew and
 * any console error, writes screenshots into `<run>/screenshots/`, and exits 1 when a figure failed.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkReportPage } from './check-page';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

async function main(): Promise<number> {
  const runDir = resolve(process.argv[2] ?? 'runs/default');
  if (!existsSync(CHROMIUM)) {
    console.error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM.`);
    return 2;
  }
  const folder = existsSync(runDir) ? readdirSync(runDir).find((entry) => /(^|-)report$/.test(entry) && existsSync(join(runDir, entry, 'index.html'))) : undefined;
  if (!folder) {
    console.error(`no report in ${runDir}: run the pipeline first (npm run pipeline -- --run-dir ${runDir}).`);
    return 2;
  }
  const profile = mkdtempSync(join(tmpdir(), 'report-chromium-'));
  try {
    const result = await checkReportPage(join(runDir, folder, 'index.html'), { chromium: CHROMIUM, userDataDir: profile, timeoutMs: 120_000 });
    const shots = join(runDir, 'screenshots');
    mkdirSync(shots, { recursive: true });
    writeFileSync(join(shots, 'report-page.png'), result.pageScreenshot);
    if (result.firstFigureScreenshot) writeFileSync(join(shots, `figure-${result.firstFigureName}.png`), result.firstFigureScreenshot);
    for (const figure of result.figures) console.log(`${figure.name.padEnd(26)} ${figure.status.padEnd(9)} ${figure.marks} marks`);
    for (const error of result.errors) console.log(`error: ${error}`);
    console.log(`first line: ${result.firstLine}`);
    console.log(`screenshots: ${shots}`);
    const failed = result.figures.filter((f) => f.status !== 'skipped' && (f.status !== 'rendered' || f.marks === 0));
    return failed.length > 0 || result.errors.length > 0 || result.dialogs.length > 0 ? 1 : 0;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

process.exitCode = await main();
