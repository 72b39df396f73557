/**
 * A decomposition drawn as bars: one bar per term (with its 95% interval) and the total, per policy
 * pair (columns) and family (rows). Shared by figures 6a and 6b.
 */
import { probInterval, signedProb } from '../../analyses/stats/format';
import { budgetLabel, headlineBudgets, orderFamilies } from '../data/select';
import type { Budget } from '../data/tables';
import { MAX_COLUMNS, envelope, panelHeader, panelLabel } from './common';

const WIDTH = 150;

/** A term of a decomposition with its interval, as a figure reads it. */
export interface Term {
  value: number | null;
  lo: number | null;
  hi: number | null;
  /** The term rests on thin strategy cells (drawn pale). */
  thin?: boolean;
}

/** The term `name` of a decomposition row (its `name`, `name_lo` and `name_hi` columns). */
export function termOf<T extends string>(row: Record<T | `${T}_lo` | `${T}_hi`, number | null>, name: T): Term {
  return { value: row[name], lo: row[`${name}_lo`], hi: row[`${name}_hi`] };
}

/** One term of one decomposition. */
interface TermValue {
  panel: string;
  pair: string;
  term: string;
  value: number;
  lo: number | null;
  hi: number | null;
  thin: boolean;
}

/** Terms of one decomposition row, dropping terms without a value. */
function termValues(panel: string, pair: string, terms: readonly (readonly [string, Term])[]): TermValue[] {
  return terms.filter(([, t]) => t.value !== null).map(([term, t]) => ({ panel, pair, term, value: t.value!, lo: t.lo, hi: t.hi, thin: t.thin ?? false }));
}

/** Text of a term for captions: `+.040 [.010, .070]`. */
export function termText(t: Term): string {
  if (t.value === null) return 'n/a';
  return t.lo !== null && t.hi !== null ? `${signedProb(t.value)} ${probInterval(t.lo, t.hi)}` : signedProb(t.value);
}

/** The spec of a decomposition bar chart. */
function termBarsSpec(description: string, values: TermValue[], terms: string[], panels: string[], pairs: string[], colors: string[]) {
  const y = { field: 'term', type: 'nominal', sort: terms, axis: { title: null } };
  const extent = Math.max(0.05, ...values.flatMap((v) => [Math.abs(v.value), Math.abs(v.lo ?? 0), Math.abs(v.hi ?? 0)]));
  return envelope(description, {
    data: { values },
    facet: { field: 'panel', type: 'nominal', sort: panels, header: panelHeader('accuracy difference (a − b)', WIDTH, 3) },
    columns: Math.min(pairs.length, MAX_COLUMNS),
    spacing: 8,
    spec: {
      width: WIDTH,
      height: { step: 17 },
      layer: [
        {
          mark: { type: 'bar', height: { band: 0.7 } },
          encoding: {
            y,
            x: { field: 'value', type: 'quantitative', scale: { domain: [-extent, extent], nice: true }, axis: { title: null, format: '+.2f', tickCount: 4 } },
            color: { field: 'term', type: 'nominal', scale: { domain: terms, range: colors }, legend: null },
            // a term resting on thin strategy cells is drawn pale
            opacity: { condition: { test: 'datum.thin', value: 0.35 }, value: 1 },
            tooltip: [{ field: 'pair' }, { field: 'term' }, { field: 'value', format: '+.3f' }, { field: 'lo', format: '+.3f' }, { field: 'hi', format: '+.3f' }, { field: 'thin' }],
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

/** How a decomposition row splits: the terms in drawing order, each with its colour and its value in a row. */
export type TermColumns<R> = readonly (readonly [term: string, color: string, of: (row: R) => Term])[];

/**
 * The bar chart of decomposition rows that each family has at one budget: a panel per family
 * (`family · T = …`), a column per policy pair (`a = …, b = …`), a bar per term.
 */
export function decompositionBarsSpec<R extends { family: string; budget: Budget; policy_a: string; policy_b: string }>(description: string, rows: readonly R[], terms: TermColumns<R>) {
  const budgets = headlineBudgets(rows);
  const families = orderFamilies(rows.map((row) => row.family));
  const pairLabel = (a: string, b: string) => `a = ${a}, b = ${b}`;
  const pairs = [...new Set(rows.map((row) => pairLabel(row.policy_a, row.policy_b)))].sort();
  const panel = (family: string, pair: string) => panelLabel([`${family} · ${budgetLabel(budgets.get(family)!)}`, ...pair.split(', ')]);
  const values = rows.flatMap((row) =>
    termValues(
      panel(row.family, pairLabel(row.policy_a, row.policy_b)),
      pairLabel(row.policy_a, row.policy_b),
      terms.map(([term, , of]) => [term, of(row)] as const),
    ),
  );
  return termBarsSpec(
    description,
    values,
    terms.map(([term]) => term),
    families.flatMap((family) => pairs.map((pair) => panel(family, pair))),
    pairs,
    terms.map(([, color]) => color),
  );
}
