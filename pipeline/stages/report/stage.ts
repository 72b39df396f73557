/**
 * The report stage: reads whatever analysis outputs the run has (every input is optional; a figure
 * whose data is absent is skipped with a note), draws the registered figures as Vega-Lite specs with
 * their data inline, renders each to SVG (vega, headless) and PNG (resvg, DejaVu Sans), and writes one
 * self-contained offline `index.html`.
 */
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { buildReport, type PreviousFigure } from '../../../reports/build-report';
import { FIGURES } from '../../../reports/figures/index';
import { loadReportData, REPORT_SOURCES } from '../../../reports/load/report-data';
import { findFonts } from '../../../reports/render/fonts';
import { ConfigError } from '../../errors';
import { defineStage, type StageInput } from '../../runner/stage';

/** Parameters of the report stage. */
export const ReportParams = z.object({
  /**
   * Figures to redraw (empty: all). The page always shows every figure: one not named here keeps the
   * previous report's rendering when its spec is unchanged, and is redrawn otherwise.
   */
  figures: z.array(z.string()).default([]),
  /** Overlay the reference study's published values on figure 1. */
  paperReference: z.boolean().default(false),
  /** PNG resolution as a multiple of the SVG size (3: a 330 px wide figure → 990 px ≈ 3.3 in at 300 dpi). */
  pngScale: z.number().positive().max(8).default(3),
  title: z.string().min(1).default('Does RL expand what the agent can do? A PASS@(k,T) report'),
  /** Points of the cluster map kept per policy (a deterministic sample). */
  clusterPointsPerPolicy: z.number().int().positive().default(1000),
  /** Query sequences listed per family and policy. */
  topSequences: z.number().int().nonnegative().default(5),
});

type Params = z.infer<typeof ReportParams>;

/** The selected figure names in page order; unknown names are a user error that lists the known ones. */
export function selectFigures(requested: readonly string[]): string[] {
  const known = FIGURES.names();
  const unknown = requested.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new ConfigError(
      `unknown figure${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')}.`,
      `Known figures: ${known.join(', ')}. Pass them comma-separated, e.g. --figures ${known.slice(0, 2).join(',')}.`,
    );
  }
  return requested.length === 0 ? known : known.filter((name) => requested.includes(name));
}

/** The browser builds the page inlines, in load order: vega, vega-lite (vega-embed compiles with it), vega-embed. */
const LIBRARIES = [
  ['vega', 'vega.min.js'],
  ['vega-lite', 'vega-lite.min.js'],
  ['vega-embed', 'vega-embed.min.js'],
] as const;

async function libraryBuilds(): Promise<string[]> {
  // The packages' exports do not expose their browser builds, so locate them beside the entry points.
  const require = createRequire(import.meta.url);
  return Promise.all(LIBRARIES.map(([name, file]) => readFile(join(dirname(require.resolve(name)), file), 'utf8')));
}

/**
 * The previous report's files of a figure. The report stage reads its own earlier output here (never
 * another stage's): it is the cache that lets `--figures a,b` redraw some figures and keep the rest.
 */
function previousFigure(dir: string) {
  return async (name: string): Promise<PreviousFigure | null> => {
    const paths = ['vl.json', 'svg', 'png'].map((ext) => join(dir, `${name}.${ext}`));
    if (!paths.every((path) => existsSync(path))) return null;
    const [spec, svg] = await Promise.all([readFile(paths[0]!, 'utf8'), readFile(paths[1]!, 'utf8')]);
    return { spec, svg, png: new Uint8Array(await readFile(paths[2]!)) };
  };
}

async function* textChunks(path: string): AsyncIterable<string> {
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) yield chunk as string;
}

async function inspectReport(output: StageInput): Promise<string> {
  const figures = (output.manifest.details.figures ?? []) as { name: string; number: string; status: string; reason?: string }[];
  const lines = figures.map((f) => `  ${`Figure ${f.number}`.padEnd(11)} ${f.name.padEnd(26)} ${f.status === 'skipped' ? `skipped: ${f.reason}` : f.status}`);
  return [...output.manifest.summary, '', ...lines, '', `open ${output.path('index.html')}`].join('\n');
}

/** The report stage. */
export const reportStage = defineStage({
  name: 'report',
  folder: 'report',
  description: 'figures (Vega-Lite, SVG, PNG) and an offline HTML report of every analysis in the run',
  inputs: [],
  modes: ['analysis', 'merge'],
  optionalInputs: REPORT_SOURCES,
  params: ReportParams,
  cliGroup: 'report',
  cli: [
    {
      flags: '--figures <names>',
      description: `figures to redraw, comma-separated (default: all; the others are kept): ${FIGURES.names().join(', ')}`,
      param: 'figures',
      parse: (value) => selectFigures(String(value).split(',').map((name) => name.trim()).filter(Boolean)),
    },
    { flags: '--paper-reference', description: 'draw the study’s published values on figures 1 and 10 (and its swap finding in the caption of 11)', param: 'paperReference', parse: () => true },
  ],
  async run(ctx) {
    const params: Params = ctx.params;
    const redraw = new Set(params.figures.length > 0 ? selectFigures(params.figures) : []);
    const finalDir = ctx.out.dir.replace(/\.tmp-\d+$/, '');
    const fonts = findFonts(existsSync);
    if (fonts.system) {
      ctx.log.warn('DejaVu Sans not found (Debian: apt-get install fonts-dejavu-core); PNGs use the system fonts and their bytes depend on the machine.');
    }
    const data = await loadReportData(ctx, textChunks, { clusterPointsPerPolicy: params.clusterPointsPerPolicy, topSequences: params.topSequences });
    const built = await buildReport(data, FIGURES, {
      figures: FIGURES.names(),
      redraw,
      previous: previousFigure(finalDir),
      paperReference: params.paperReference,
      pngScale: params.pngScale,
      fonts,
      libraries: await libraryBuilds(),
      title: params.title,
    });
    for (const file of built.files) await ctx.out.text(file.name, file.data);
    for (const warning of built.warnings) ctx.log.warn(warning);

    const drawn = built.figures.filter((figure) => figure.status !== 'skipped');
    const kept = built.figures.filter((figure) => figure.status === 'kept');
    const skipped = built.figures.filter((figure) => figure.status === 'skipped');
    return {
      counts: { figures_drawn: drawn.length, figures_kept: kept.length, figures_skipped: skipped.length, files: built.files.length },
      summary: [
        `report: ${drawn.length} of ${built.figures.length} figures drawn (${data.provenance.kind} data)` +
          (kept.length ? `, ${kept.length} kept from the previous report` : '') +
          (skipped.length ? `; skipped: ${skipped.map((figure) => figure.name).join(', ')}` : ''),
        `report: ${join(finalDir, 'index.html')}`,
      ],
      details: { figures: built.figures, fonts: fonts.system ? 'system' : fonts.files, data_kind: data.provenance.kind, problems: data.problems },
    };
  },
  inspect: inspectReport,
});
