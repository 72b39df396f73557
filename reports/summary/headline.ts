/**
 * The page's answer in words: per family and compared policy, one or two plain sentences saying whether
 * it expands what the agent can do or only changes how reliably it does it, from the run's own verdicts,
 * crossovers and decompositions — each clause names the figure that shows it.
 *
 * Which fields the sentences rest on is decided in one place each, so the claims work (Holm-adjusted
 * p-values, adjusted verdicts, new crossover statuses, the default decomposition) switches them there:
 * `verdictEvidence`, `crossoverClause`, `decompositionOf`.
 */
import type { DecompositionRow } from '../../analyses/mechanism/decomposition-rows';
import type { RetrievalDecompositionRow } from '../../analyses/mechanism/retrieval-rows';
import { prob, pValueProse, signedProb } from '../../analyses/stats/format';
import type { CrossoverRow } from '../../pipeline/tables/crossover';
import type { VerdictCsvRow } from '../../pipeline/tables/verdict';
import { budgetLabel, headlineBudgets, orderFamilies } from '../data/select';
import type { PasskRow, ReportData } from '../data/tables';

import { orderPolicies } from '../theme/colors';

/** A verdict row (its `p_adj` is boundary.csv's `p_holm`: Holm-adjusted over every boundary test of the run). */
export type VerdictRow = VerdictCsvRow;

/** One clause of the answer and the figure (by name) that shows it; null when no figure does. */
export interface HeadlineClause {
  text: string;
  figure: string | null;
}

/** What one policy does against the reference: the verdict clause first, then how (reliability, mechanism). */
export interface ComparisonHeadline {
  compared: string;
  /** Null for a family with no comparison (one policy): the clauses then state its PASS values. */
  reference: string | null;
  clauses: HeadlineClause[];
}

/** The headline of one family. */
export interface FamilyHeadline {
  family: string;
  /** The budget the clauses speak about (`T = 5`, `no cap`). */
  budget: string;
  comparisons: ComparisonHeadline[];
}

/** The verdict and the p-values the answer states: raw, and Holm-adjusted over the run's boundary tests (what the verdict rests on). */
export function verdictEvidence(row: VerdictRow): { verdict: string; p: string } {
  return { verdict: row.verdict, p: `${pValueProse(row.p_value)}, Holm-adjusted ${pValueProse(row.p_adj)}` };
}

const tasks = (n: number) => `${n} task${n === 1 ? '' : 's'}`;

/** The verdict in words, with the pass@1 difference on shared tasks where the verdict rests on it. */
function verdictWords(verdict: string, row: VerdictRow): string {
  const shared = row.shared_pass1_diff === null ? '' : ` (pass@1 ${signedProb(row.shared_pass1_diff)} on the ${tasks(row.shared_tasks)} both solve)`;
  switch (verdict) {
    case 'expansion':
      return 'it can do more: the capability boundary expands';
    case 'expansion with a reliability loss':
      return `it can do more but is less reliable: the capability boundary expands, pass@1 on shared tasks falls${shared}`;
    case 'regression':
      return 'it can do less: the capability boundary shrinks';
    case 'regression with a reliability gain':
      return `it can do less but is more reliable: the capability boundary shrinks, pass@1 on shared tasks rises${shared}`;
    case 'efficiency only':
      return `same capability boundary, more reliable${shared}`;
    case 'efficiency loss':
      return `same capability boundary, less reliable${shared}`;
    case 'no difference':
      return 'no detectable change in capability or reliability';
    default:
      return `verdict “${verdict}”`;
  }
}

/** The boundary clause of one comparison (figure 4). */
export function boundaryClause(row: VerdictRow): HeadlineClause {
  const { verdict, p } = verdictEvidence(row);
  return {
    text: `${verdictWords(verdict, row)} — ${tasks(row.only_a)} only ${row.policy_a} solves in ${row.k} tries vs ${row.only_b} only ${row.policy_b} solves (${p})`,
    figure: 'boundary',
  };
}

/** How a compares with b as k grows (figure 1), from the crossover row (docs/passkt.md); null when the curves never differ. */
export function crossoverClause(row: CrossoverRow): string | null {
  const b = row.policy_b;
  const at1 = row.diff_at_1 === null ? '' : ` (${signedProb(row.diff_at_1)})`;
  const kMax = `k = ${row.k_max}`;
  switch (row.status) {
    case 'crosses': {
      const side = (row.diff_at_1 ?? 0) < 0 ? 'below' : 'above';
      const interval = row.crossover_k_low === null ? '' : ` [95% interval ${row.crossover_k_low}, ${row.crossover_k_high ?? `beyond ${row.k_max}`}]`;
      const significance = row.significant === false ? ', a crossing within the noise (the difference is not significant at any k up to there)' : '';
      return `${side} ${b} at k = 1${at1}, the curves cross at k = ${row.crossover_k}${interval}${significance}`;
    }
    case 'above':
      return `at or above ${b} at every k${row.significant === false ? ' (not significantly)' : ''}`;
    case 'below':
      return `below ${b} up to ${kMax}${row.significant === false ? ' (not significantly)' : ''}`;
    case 'converge':
      return `${at1 ? `apart from ${b} at k = 1${at1}` : `apart from ${b} at k = 1`}, both solving every task by ${kMax}`;
    case 'none':
      return null;
  }
}

/** A decomposition term as compared − reference, whichever way round the table stores the pair. */
export function decompositionOf(
  row: { policy_a: string; policy_b: string; acc_a: number | null; acc_b: number | null; total: number | null },
  compared: string,
): (term: number | null) => number | null {
  // Every table writes a − b (policy_b the reference); the orientation is read from the totals all the same.
  const bMinusA = row.acc_a === null || row.acc_b === null || row.total === null || Math.abs(row.total - (row.acc_b - row.acc_a)) < 1e-9;
  const sign = (row.policy_b === compared) === bMinusA ? 1 : -1;
  return (term) => (term === null || !Number.isFinite(term) ? null : sign * term);
}

const TERM_WORDS = { reweighting: 'reweighting', within: 'within-strategy', support: 'new / lost strategies' } as const;

/** Where the accuracy difference comes from (figure 6a, the symmetric shift-share): its largest term. */
export function strategyClause(row: DecompositionRow, compared: string): HeadlineClause | null {
  const of = decompositionOf(row, compared);
  const total = of(row.total);
  if (total === null) return null;
  const terms = (['reweighting', 'within', 'support'] as const)
    .map((name) => ({ name, value: of(row[name]) }))
    .filter((t): t is { name: keyof typeof TERM_WORDS; value: number } => t.value !== null);
  if (terms.length === 0) return null;
  const main = terms.reduce((best, t) => (Math.abs(t.value) > Math.abs(best.value) ? t : best));
  const thin = row.thin.split(';').includes(main.name) ? ' (on thin data)' : '';
  return { text: `accuracy ${signedProb(total)}, mostly ${TERM_WORDS[main.name]} ${signedProb(main.value)}${thin}`, figure: 'decomposition' };
}

/** Retrieval against integration (figure 6b). */
export function retrievalClause(row: RetrievalDecompositionRow, compared: string): HeadlineClause | null {
  const of = decompositionOf(row, compared);
  const [retrieval, integration] = [of(row.retrieval), of(row.integration)];
  if (retrieval === null || integration === null) return null;
  const [withEvidence, without] = [of(row.integration_retrieved), of(row.integration_missed)];
  const parts = withEvidence === null || without === null ? '' : ` (with the evidence ${signedProb(withEvidence)}, without ${signedProb(without)})`;
  return { text: `retrieval ${signedProb(retrieval)}, integration ${signedProb(integration)}${parts}`, figure: 'retrieval-decomposition' };
}

/** A policy with nothing to compare against: what it reaches at k = 1 and at its largest k (figure 1). */
export function passClause(rows: readonly PasskRow[], policy: string): HeadlineClause | null {
  const series = rows.filter((row) => row.policy === policy).sort((x, y) => x.k - y.k);
  const first = series[0];
  const last = series[series.length - 1];
  if (!first || !last || first.k !== 1) return null;
  return { text: `solves ${prob(first.pass)} of the tasks in one try and ${prob(last.pass)} at least once in ${last.k} (no policy to compare with)`, figure: 'pass-vs-k' };
}

/** The reference policy of the comparisons: the one most verdicts compare against (ties: canonical order). */
export function referencePolicy(verdicts: readonly VerdictRow[]): string | null {
  const counts = new Map<string, number>();
  for (const row of verdicts) counts.set(row.policy_b, (counts.get(row.policy_b) ?? 0) + 1);
  const ordered = orderPolicies(counts.keys());
  return ordered.reduce<string | null>((best, policy) => (best === null || counts.get(policy)! > counts.get(best)! ? policy : best), null);
}

/** The headline of every family, in canonical family order, at each family's headline budget. */
export function familyHeadlines(data: ReportData): FamilyHeadline[] {
  const verdicts = data.verdicts ?? [];
  const passkt = data.passkt ?? [];
  const reference = referencePolicy(verdicts);
  const budgets = headlineBudgets([...verdicts, ...passkt]);
  const out: FamilyHeadline[] = [];
  for (const family of orderFamilies([...verdicts, ...passkt].map((row) => row.family))) {
    const budget = budgets.get(family)!;
    const at = <R extends { family: string; budget: unknown }>(rows: readonly R[] | undefined) => (rows ?? []).filter((row) => row.family === family && row.budget === budget);
    const verdictRows = at(verdicts).filter((row) => row.policy_b === reference);
    const comparisons: ComparisonHeadline[] = [];
    for (const compared of orderPolicies(verdictRows.map((row) => row.policy_a))) {
      const clauses = [boundaryClause(verdictRows.find((row) => row.policy_a === compared)!)];
      const crossover = at(data.crossover).find((row) => row.policy_a === compared && row.policy_b === reference);
      const involves = (row: { policy_a: string; policy_b: string }) => [row.policy_a, row.policy_b].sort().join('\u0000') === [compared, reference!].sort().join('\u0000');
      const strategy = at(data.decomposition).find((row) => row.scheme === 'label' && row.variant === 'symmetric' && involves(row));
      const retrieval = at(data.retrievalDecomposition).find((row) => row.label === 'all' && involves(row));
      const reliability = crossover ? crossoverClause(crossover) : null;
      const how = [
        reliability === null ? null : { text: reliability, figure: 'pass-vs-k' },
        strategy ? strategyClause(strategy, compared) : null,
        retrieval ? retrievalClause(retrieval, compared) : null,
      ];
      for (const clause of how) if (clause) clauses.push(clause);
      comparisons.push({ compared, reference, clauses });
    }
    if (comparisons.length === 0) {
      const rows = at(passkt);
      for (const policy of orderPolicies(rows.map((row) => row.policy))) {
        const clause = passClause(rows, policy);
        if (clause) comparisons.push({ compared: policy, reference: null, clauses: [clause] });
      }
    }
    if (comparisons.length > 0) out.push({ family, budget: budgetLabel(budget), comparisons });
  }
  return out;
}
