/**
 * A decomposition drawn as bars: one bar per term (with its 95% interval) and the total, per policy
 * pair (columns) and family (rows). Shared by figures 6a and 6b.
 */
import { interval, signed } from '../data/format';
import type { Term } from '../data/mechanism-tables';
import { envelope } from './common';

/** One term of one decomposition. */
export interface TermValue {
  panel: string;
  pair: string;
  term: string;
  value: number;
  lo: number | null;
  hi: number | null;
}

/** Terms of one decomposition row, dropping terms without a value. */
export function termValues(panel: string, pair: string, terms: [string, Term][]): TermValue[] {
  return terms.filter(([, t]) => t.value !== null).map(([term, t]) => ({ panel, pair, term, value: t.value!, lo: t.lo, hi: t.hi }));
}

/** Text of a term for captions: `+.040 [.010, .070]`. */
export function termText(t: Term): string {
  if (t.value === null) return 'n/a';
  return t.lo !== null && t.hi !== null ? `${signed(t.value)} ${interval(t.lo, t.hi)}` : signed(t.value);
}

/** The spec of a decomposition bar chart. */
export function termBarsSpec(description: string, values: TermValue[], terms: string[], panels: string[], pairs: string[], colors: string[]) {
  const y = { field: 'term', type: 'nominal', sort: terms, axis: { title: null } };
  const extent = Math.max(0.05, ...values.flatMap((v) => [Math.abs(v.value), Math.abs(v.lo ?? 0), Math.abs(v.hi ?? 0)]));
  return envelope(description, {
    data: { values },
    facet: {
      row: { field: 'panel', type: 'nominal', sort: panels, header: { title: null, labelAngle: 0, labelAlign: 'left', labelOrient: 'top', labelAnchor: 'start' } },
      column: { field: 'pair', type: 'nominal', sort: pairs, header: { title: null } },
    },
    spacing: 8,
    spec: {
      width: 150,
      height: { step: 17 },
      layer: [
        {
          mark: { type: 'bar', height: { band: 0.7 } },
          encoding: {
            y,
            x: { field: 'value', type: 'quantitative', scale: { domain: [-extent, extent], nice: true }, axis: { title: 'accuracy difference (b − a)', format: '+.2f', tickCount: 4 } },
            color: { field: 'term', type: 'nominal', scale: { domain: terms, range: colors }, legend: null },
            tooltip: [{ field: 'pair' }, { field: 'term' }, { field: 'value', format: '+.3f' }, { field: 'lo', format: '+.3f' }, { field: 'hi', format: '+.3f' }],
          },
        },
        {
          transform: [{ filter: 'isValid(datum.lo)' }],
          mark: { type: 'rule', color: '#222' },
          encoding: { y, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
        },
        { mark: { type: 'rule', color: '#555', strokeWidth: 0.8 }, encoding: { x: { datum: 0 } } },
      ],
    },
  });
}
