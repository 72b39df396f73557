import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../../../pipeline/errors';
import { ReportParams, reportStage, selectFigures } from '../../../../pipeline/stages/report/stage';
import { ALL_STAGES, EVIL_QUERIES, fixtureContext, writeFixtureRun, type FixtureStage } from '../../../reports/fixture-run';

async function runReport(stages: readonly FixtureStage[], params: Record<string, unknown>, options: { simulatedMeta?: boolean } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'report-stage-'));
  const inputs = writeFixtureRun(join(root, 'run'), stages, options);
  const out = join(root, 'report');
  const warnings: string[] = [];
  const result = await reportStage.run(fixtureContext(inputs, out, ReportParams.parse(params), warnings));
  return { out, result, warnings, page: readFileSync(join(out, 'index.html'), 'utf8') };
}

describe('report stage on a complete planted run', () => {
  let run: Awaited<ReturnType<typeof runReport>>;
  beforeAll(async () => {
    run = await runReport(ALL_STAGES, { paperReference: true });
  }, 120_000);

  it('writes index.html and a spec, SVG and PNG per figure', () => {
    const files = readdirSync(run.out).sort();
    expect(files).toContain('index.html');
    for (const name of selectFigures([])) {
      for (const ext of ['vl.json', 'svg', 'png']) expect(files).toContain(`${name}.${ext}`);
      const spec = JSON.parse(readFileSync(join(run.out, `${name}.vl.json`), 'utf8'));
      expect(spec.$schema).toMatch(/vega-lite\/v6/);
      expect(JSON.stringify(spec)).toContain('"values"');
    }
    expect(run.result.counts).toEqual({ figures_drawn: 17, figures_kept: 0, figures_skipped: 0, files: 52 });
    expect(run.result.summary![0]).toBe('report: 17 of 17 figures drawn (simulated data)');
    expect(run.warnings).toEqual([]);
  });

  it('says first that the data is simulated, then answers the question per family, and ends with a glossary', () => {
    const body = run.page.slice(run.page.indexOf('<body>'));
    expect(body).toMatch(/^<body>\n<header class="banner">\n<p class="data-kind kind-simulated" id="data-kind">Simulated data:/);
    expect(body).toMatch(/<\/header>\n<section id="headline">/);
    const headline = body.slice(body.indexOf('<section id="headline">'), body.indexOf('</section>'));
    for (const family of ['bridge', 'closed-book', 'comparison']) expect(headline).toContain(`data-family="${family}"`);
    expect(headline).toMatch(/<strong>rl vs base<\/strong>: [^<]+ \(<a href="#fig-boundary">Figure 4<\/a>\)/);
    expect(headline).toContain('<a href="#fig-pass-vs-k">Figure 1</a>');
    expect(headline).toContain('<a class="term" href="#glossary-boundary">capability boundary</a>');
    const glossary = body.slice(body.indexOf('<section id="glossary">'));
    for (const term of ['passkt', 'boundary', 'reweighting', 'within', 'retrieval', 'integration', 'tstar']) expect(glossary).toContain(`id="glossary-${term}"`);
    expect(body.indexOf('<section id="glossary">')).toBeGreaterThan(body.indexOf('<section id="provenance">'));
  });

  it('shows queries, reject reasons and file names from the data as text, never as markup', () => {
    expect(run.page).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;');
    expect(run.page).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(run.page).toContain('/data/&lt;evil&gt;.jsonl');
    // Outside the inlined script bodies (the library builds mention tags in their own code):
    const markup = run.page.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');
    expect(markup).not.toMatch(/<img/i);
    expect(markup).not.toContain(EVIL_QUERIES[0]);
    // The only script elements are the vega, vega-lite and vega-embed builds, the page runtime and the JSON spec blocks.
    const scripts = [...run.page.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.filter((attrs) => attrs === '')).toHaveLength(4);
    expect(scripts.filter((attrs) => attrs!.includes('application/json'))).toHaveLength(17);
  });

  it('allows only its own scripts, by hash, and no network', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(run.page)![1]!.replace(/&#39;/g, "'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const bodies = [...run.page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(bodies).toHaveLength(4);
    for (const body of bodies) expect(csp).toContain(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  });

  it('puts the key numbers, verdicts, methods and provenance on the page', () => {
    for (const section of ['id="key-numbers"', 'id="figures"', 'id="query-sequences"', 'id="methods"', 'id="provenance"']) expect(run.page).toContain(section);
    expect(run.page).toMatch(/bridge, T=5: rl vs base — (expansion|no difference)/);
    expect(run.page).toContain('Open diamonds: Zhai, Yan, Shao, Wang');
    expect(run.page).toContain('abababab');
  });
});

describe('report stage with parts of the run missing', () => {
  it('draws what it can and explains each skipped figure', async () => {
    const { page, result } = await runReport(['ingest', 'passkt'], { figures: ['pass-vs-k', 'boundary', 'cluster-map'] }, { simulatedMeta: false });
    // Every figure is on the page; those whose tables are missing say why.
    expect(result.counts).toMatchObject({ figures_drawn: 6, figures_skipped: 11 });
    expect(page).toContain('<p class="data-kind kind-user-supplied" id="data-kind">User-supplied data:');
    expect(page).toMatch(/Figure 4\.<\/span> [^<]*\. <em>Not drawn:<\/em> the boundary stage is not part of this run \(no boundary.csv\)\./);
    expect(page).toMatch(/Figure 8a\.<\/span> [^<]*\. <em>Not drawn:<\/em> the cluster stage is not part of this run \(no clusters.csv\)\./);
    expect(page).not.toContain('id="query-sequences"');
    expect(page).toMatch(/Figure 10\.<\/span> [^<]*\. <em>Not drawn:<\/em> the score stage is not part of this run \(no surprisal.csv\)\. Run with --score/);
    expect(page).toMatch(/Figure 11\.<\/span> [^<]*\. <em>Not drawn:<\/em> the swap stage is not part of this run \(no swap.csv\)\. Run with --swap/);
  }, 60_000);
});

describe('figure selection', () => {
  it('keeps page order and refuses unknown names with the list of known ones', () => {
    expect(selectFigures(['boundary', 'pass-vs-k'])).toEqual(['pass-vs-k', 'boundary']);
    expect(() => selectFigures(['pass-vs-k', 'nope'])).toThrow(ConfigError);
    try {
      selectFigures(['nope']);
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).hint).toMatch(/^Known figures: pass-vs-k, pass-vs-k-by-budget, /);
    }
  });

  it('redraws the named figures and keeps the previous report’s others, so the page still lists all', async () => {
    const root = mkdtempSync(join(tmpdir(), 'report-keep-'));
    const inputs = writeFixtureRun(join(root, 'run'), ALL_STAGES);
    const out = join(root, 'report');
    await reportStage.run(fixtureContext(inputs, out, ReportParams.parse({})));
    const boundaryPng = readFileSync(join(out, 'boundary.png'));
    // A previous rendering of another spec is not kept: that figure is drawn again.
    writeFileSync(join(out, 'cluster-map.vl.json'), '{}\n');
    const again = await reportStage.run(fixtureContext(inputs, out, ReportParams.parse({ figures: ['pass-vs-k'] })));
    const status = Object.fromEntries((again.details!.figures as { name: string; status: string }[]).map((f) => [f.name, f.status]));
    expect(status['pass-vs-k']).toBe('drawn');
    expect(status['cluster-map']).toBe('drawn');
    expect(Object.values(status).filter((s) => s === 'kept')).toHaveLength(15);
    expect(again.summary![0]).toBe('report: 17 of 17 figures drawn (simulated data), 15 kept from the previous report');
    expect(readFileSync(join(out, 'boundary.png')).equals(boundaryPng)).toBe(true);
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    for (const name of selectFigures([])) expect(page).toContain(`id="fig-${name}" data-figure="${name}">`);
  }, 120_000);

  it('parses --figures from the command line', () => {
    const flag = reportStage.cli!.find((f) => f.flags.startsWith('--figures'))!;
    expect(flag.parse!('cluster-map, pass-vs-k')).toEqual(['pass-vs-k', 'cluster-map']);
  });
});

describe('determinism', () => {
  it('writes identical bytes for identical inputs', async () => {
    const params = { figures: ['pass-vs-k', 'pass-diff-heatmap', 'cluster-map'], paperReference: true };
    const a = await runReport(ALL_STAGES, params);
    const b = await runReport(ALL_STAGES, params);
    const files = readdirSync(a.out).sort();
    expect(files).toEqual(readdirSync(b.out).sort());
    for (const file of files) {
      expect(readFileSync(join(a.out, file)).equals(readFileSync(join(b.out, file))), file).toBe(true);
    }
    // Every figure is on the page: with no previous report, the ones not named are drawn too.
    expect(existsSync(join(a.out, 'boundary.svg'))).toBe(true);
  }, 120_000);
});
