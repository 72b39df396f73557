import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../../reports/data/tables';
import { FIGURES } from '../../../reports/figures/index';
import { FigureRegistry } from '../../../reports/figures/registry';
import { loadPaperReference } from '../../../reports/reference/paper';
import { fixtureData } from '../fixture-data';
import { FAMILIES, POLICIES, SAMPLES } from '../fixture-run';

let data: ReportData;
beforeAll(async () => {
  data = await fixtureData();
});

/** The spec with its inline data reduced to a row count and the first rows, so snapshots stay readable. */
function summarized(spec: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(spec)) as { data?: { values?: unknown[] } };
  if (copy.data?.values) copy.data = { values: [`${copy.data.values.length} rows`, ...copy.data.values.slice(0, 3)] } as never;
  return copy;
}

describe('figure specs (Vega-Lite) on the planted fixture', () => {
  for (const builder of FIGURES.list()) {
    it(`${builder.number} ${builder.name}`, () => {
      const outcome = builder.build({ data, paperReference: builder.name === 'pass-vs-k' ? loadPaperReference() : null });
      expect(outcome.kind, outcome.kind === 'skipped' ? outcome.reason : '').toBe('figure');
      if (outcome.kind !== 'figure') return;
      expect(outcome.caption.length).toBeGreaterThan(40);
      expect(summarized(outcome.spec)).toMatchSnapshot();
    });
  }
});

describe('figure 1 data', () => {
  it('draws every policy and family at T = 5, k a power of two, with the planted values', () => {
    const outcome = FIGURES.get('pass-vs-k')!.build({ data, paperReference: null });
    if (outcome.kind !== 'figure') throw new Error(outcome.reason);
    const values = (outcome.spec as { data: { values: Record<string, unknown>[] } }).data.values;
    expect(values).toHaveLength(POLICIES.length * FAMILIES.length * (Math.log2(SAMPLES) + 1));
    const fromTable = data.passkt!.find((r) => r.policy === 'rl' && r.family === 'bridge' && r.budget === 5 && r.k === 4)!;
    expect(values.find((v) => v.policy === 'rl' && v.panel === 'bridge' && v.k === 4)!.pass).toBe(fromTable.pass);
  });

  it('overlays only the published values whose k exists in the run, and says so', () => {
    const outcome = FIGURES.get('pass-vs-k')!.build({ data, paperReference: loadPaperReference() });
    if (outcome.kind !== 'figure') throw new Error(outcome.reason);
    const published = (outcome.spec as { data: { values: Record<string, unknown>[] } }).data.values.filter((v) => v.source === 'published');
    expect(published.map((v) => [v.policy, v.k, v.pass])).toEqual([
      ['base', 1, 0.363],
      ['rl', 1, 0.335],
    ]);
    expect(outcome.notes.join(' ')).toMatch(/3 published value\(s\) at k larger than this run's n are not drawn/);
  });

  it('draws the study\'s perplexities on figure 10 only with the paper reference (no empty layer without it)', () => {
    const layers = (paperReference: ReturnType<typeof loadPaperReference> | null) => {
      const outcome = FIGURES.get('surprisal-by-segment')!.build({ data, paperReference });
      if (outcome.kind !== 'figure') throw new Error(outcome.reason);
      const spec = outcome.spec as { data: { values: Record<string, unknown>[] }; spec: { layer: unknown[] } };
      return { layers: spec.spec.layer.length, published: spec.data.values.filter((v) => v.layer === 'published') };
    };
    expect(layers(null)).toEqual({ layers: 2, published: [] });
    const withReference = layers(loadPaperReference());
    expect(withReference.layers).toBe(3);
    const perSegment = new Map(withReference.published.map((v) => [v.segment, v.nats]));
    expect(perSegment.get('query')).toBeCloseTo(Math.log(2.07), 12);
    expect(perSegment.get('reasoning')).toBeCloseTo(Math.log(3.08), 12);
  });
});

describe('skipping', () => {
  it('skips every figure with a reason when no analysis ran', async () => {
    const empty = await fixtureData(['ingest']);
    for (const builder of FIGURES.list()) {
      const outcome = builder.build({ data: empty, paperReference: null });
      expect(outcome.kind).toBe('skipped');
      if (outcome.kind === 'skipped') expect(outcome.reason).toMatch(/stage is not part of this run/);
    }
  });
});

describe('figure registry', () => {
  it('refuses duplicate and non-slug names', () => {
    const builder = { name: 'a', number: '1', title: 't', build: () => ({ kind: 'skipped', reason: 'x' }) as const };
    const registry = new FigureRegistry().register(builder);
    expect(() => registry.register(builder)).toThrow(/two figures/);
    expect(() => registry.register({ ...builder, name: '../x' })).toThrow(/slug/);
  });

  it('has the nine study figures (with their parts), then the two model-access experiments, in page order', () => {
    expect(FIGURES.list().map((b) => b.number)).toEqual(['1', '2a', '2b', '2c', '3a', '3b', '4', '5a', '5b', '6a', '6b', '7', '8a', '8b', '9', '10', '11']);
  });
});

describe('the model-access figures', () => {
  it('draws surprisal per policy and segment as mean nats with intervals, and the study’s perplexities (in nats) with --paper-reference', () => {
    const outcome = FIGURES.get('surprisal-by-segment')!.build({ data, paperReference: loadPaperReference() });
    if (outcome.kind !== 'figure') throw new Error(outcome.reason);
    const values = (outcome.spec as { data: { values: Record<string, unknown>[] } }).data.values;
    const row = data.surprisal!.find((r) => r.policy === 'rl' && r.family === 'all' && r.segment === 'reasoning')!;
    expect(values.find((v) => v.layer === 'bar' && v.policy === 'rl' && v.panel === 'all families · all budgets' && v.segment === 'reasoning')).toMatchObject({ nats: row.mean_nats, lo: row.ci_low, hi: row.ci_high });
    const published = values.filter((v) => v.layer === 'published' && v.panel === 'all families · all budgets');
    expect(published.map((v) => [v.segment, v.perplexity, v.nats])).toEqual([
      ['query', 2.07, Math.log(2.07)],
      ['reasoning', 3.08, Math.log(3.08)],
    ]);
    expect(outcome.caption).toMatch(/reasoning − query/);
  });

  it('draws the 2 × 2 grid and the Shapley split that adds up to the total', () => {
    const outcome = FIGURES.get('swap-grid')!.build({ data, paperReference: loadPaperReference() });
    if (outcome.kind !== 'figure') throw new Error(outcome.reason);
    const [grid, bars] = (outcome.spec as unknown as { hconcat: { data: { values: Record<string, unknown>[] } }[] }).hconcat;
    expect(grid!.data.values.filter((v) => v.panel === 'bridge · T = 5')).toHaveLength(4);
    const split = bars!.data.values.filter((v) => v.panel === 'bridge · T = 5');
    const value = (component: string) => split.find((v) => v.component === component)!.value as number;
    expect(value('plan') + value('reasoning')).toBeCloseTo(value('total'), 12);
    expect(outcome.caption).toMatch(/about half/);
  });

  it('skips both with the reason and the flag to give when their stage did not run', async () => {
    const without = await fixtureData(['ingest', 'passkt']);
    const surprisal = FIGURES.get('surprisal-by-segment')!.build({ data: without, paperReference: null });
    const swap = FIGURES.get('swap-grid')!.build({ data: without, paperReference: null });
    expect(surprisal.kind === 'skipped' && surprisal.reason).toMatch(/score stage is not part of this run.*--score/);
    expect(swap.kind === 'skipped' && swap.reason).toMatch(/swap stage is not part of this run.*--swap/);
  });
});
