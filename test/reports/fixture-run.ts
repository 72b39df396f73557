/**
 * A small planted run for report tests: the stage folders a real run would have (source, ingest,
 * passkt, boundary, label, cluster, retrieval), written as files with manifests, and a fake stage
 * context over them that uses the runner's own stage readers and writers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CsvTable } from '../../pipeline/tables/csv-table';
import { boundaryTable } from '../../pipeline/tables/boundary';
import { clustersTable } from '../../pipeline/tables/clusters';
import { compareFrequenciesTable } from '../../pipeline/tables/compare-frequencies';
import { crossoverTable } from '../../pipeline/tables/crossover';
import { decompositionTable } from '../../pipeline/tables/decomposition';
import { diversityTable } from '../../pipeline/tables/diversity';
import { labelsTable } from '../../pipeline/tables/labels';
import { marginalTable } from '../../pipeline/tables/marginal';
import { passTable } from '../../pipeline/tables/passkt';
import { passDiffTable } from '../../pipeline/tables/passkt-diff';
import { retrievalTable } from '../../pipeline/tables/retrieval';
import { retrievalDecompositionTable } from '../../pipeline/tables/retrieval-decomposition';
import { saturationTable } from '../../pipeline/tables/saturation';
import { verdictTable } from '../../pipeline/tables/verdict';
import { tableRow } from '../helpers/table-rows';
import { stageInput, stageOutput } from '../../pipeline/runner/stage-io';
import type { StageContext, StageInput, StageManifest } from '../../pipeline/runner/stage';
import { createRng } from '../../analyses/random/rng';
import { surprisalTables, type ScoredEpisode } from '../../analyses/experiments/surprisal-table';
import { swapTables, type SwapOutcome } from '../../analyses/experiments/swap-table';
import { surprisalDiffTable, surprisalTable } from '../../pipeline/tables/surprisal';
import { swapAttributionTable, swapTable } from '../../pipeline/tables/swap';

/** The evil strings that must be shown as text. */
export const EVIL_QUERIES = ['<script>alert("xss")</script>', '"><img src=x onerror=alert(1)>'];

export const POLICIES = ['base', 'rl', 'sft'] as const;
export const FAMILIES = ['bridge', 'comparison', 'closed-book'] as const;
export const BUDGETS = [0, 1, 2, 3, 5] as const;
export const SAMPLES = 16;
const TASKS = 12;

/** Planted per-episode success probability of a task. */
export function plantedP(policy: string, family: string, budget: number, task: number): number {
  const difficulty = (task + 0.5) / TASKS; // 0..1, harder tasks later
  const tool = family === 'closed-book' ? 1 : Math.min(1, 0.25 + 0.2 * budget);
  const skill = policy === 'rl' ? 0.55 : policy === 'sft' ? 0.5 : 0.45;
  const reach = policy === 'rl' ? 1 : policy === 'sft' ? 0.75 : 0.85; // share of tasks reachable at all
  if (difficulty > reach) return 0;
  return Math.max(0, Math.min(1, tool * skill * (1.2 - difficulty)));
}

/** PASS@k of one task (the unbiased estimator in product form). */
export function passAtK(n: number, c: number, k: number): number {
  if (n - c < k) return 1;
  let ratio = 1;
  for (let i = n - c + 1; i <= n; i++) ratio *= 1 - k / i;
  return 1 - ratio;
}

function manifest(stage: string, params: unknown = {}, extra: Partial<StageManifest> = {}): StageManifest {
  return {
    stage,
    fingerprint: `fp-${stage}-0123456789abcdef`,
    code_version: 'test',
    package_version: '0.1.0',
    started_at: '2026-01-01T00:00:00.000Z',
    finished_at: '2026-01-01T00:00:01.000Z',
    duration_ms: 1000,
    params,
    seed: 1,
    settings: { seed: 1, strict: false },
    inputs: [],
    external_files: [],
    versions: {},
    counts: {},
    summary: [],
    details: {},
    outputs: [],
    ...extra,
  };
}

/** CSV text of planted rows written through a table's declaration (columns the rows leave out are blank or 0). */
function through<R>(table: CsvTable<R>, rows: readonly Record<string, unknown>[]): string {
  return table.format(rows.map((row) => tableRow(table, row as Record<string, string | number | boolean | null>)));
}

/** Which stages the fixture run holds (all by default). */
export type FixtureStage = 'simulate' | 'ingest' | 'passkt' | 'boundary' | 'label' | 'cluster' | 'retrieval' | 'compare' | 'score' | 'swap';

/** Every stage of the fixture run. */
export const ALL_STAGES: readonly FixtureStage[] = ['simulate', 'ingest', 'passkt', 'boundary', 'label', 'cluster', 'retrieval', 'compare', 'score', 'swap'];

/** Writes the planted run into `root` (one folder per stage) and returns the stage inputs. */
export function writeFixtureRun(root: string, stages: readonly FixtureStage[], options: { simulatedMeta?: boolean } = {}): Map<string, StageInput> {
  const rng = createRng('report-fixture');
  // Per (policy, family, budget, task): number of correct of SAMPLES episodes.
  const outcomes: { policy: string; family: string; budget: number; task: number; c: number; correct: boolean[] }[] = [];
  for (const policy of POLICIES)
    for (const family of FAMILIES)
      for (const budget of BUDGETS)
        for (let task = 0; task < TASKS; task++) {
          const p = plantedP(policy, family, budget, task);
          const correct = Array.from({ length: SAMPLES }, () => rng.next() < p);
          outcomes.push({ policy, family, budget, task, c: correct.filter(Boolean).length, correct });
        }

  const files: Record<FixtureStage, Record<string, string>> = {
    simulate: {},
    ingest: {},
    passkt: {},
    boundary: {},
    label: {},
    cluster: {},
    retrieval: {},
    compare: {},
    score: {},
    swap: {},
  };
  const cell = (policy: string, family: string, budget: number) =>
    outcomes.filter((o) => o.policy === policy && o.family === family && o.budget === budget);

  const passRows: Record<string, unknown>[] = [];
  const passOf = new Map<string, number>();
  for (const policy of POLICIES)
    for (const family of FAMILIES)
      for (const budget of BUDGETS)
        for (let k = 1; k <= SAMPLES; k++) {
          const tasks = cell(policy, family, budget);
          const pass = tasks.reduce((sum, t) => sum + passAtK(SAMPLES, t.c, k), 0) / tasks.length;
          passOf.set(`${policy}/${family}/${budget}/${k}`, pass);
          passRows.push({ policy, family, budget, k, pass, ci_low: Math.max(0, pass - 0.08), ci_high: Math.min(1, pass + 0.08), tasks: tasks.length, mode: 'capped' });
        }
  files.passkt['passkt.csv'] = through(passTable, passRows);
  const diffRows: Record<string, unknown>[] = [];
  for (const a of ['rl', 'sft'])
    for (const family of FAMILIES)
      for (const budget of BUDGETS)
        for (let k = 1; k <= SAMPLES; k++) {
          const diff = passOf.get(`${a}/${family}/${budget}/${k}`)! - passOf.get(`base/${family}/${budget}/${k}`)!;
          diffRows.push({ family, budget, k, policy_a: a, policy_b: 'base', diff, ci_low: diff - 0.06, ci_high: diff + 0.06 });
        }
  files.passkt['passkt_diff.csv'] = through(passDiffTable, diffRows);

  const boundaryRows: Record<string, unknown>[] = [];
  for (const a of ['rl', 'sft'])
    for (const family of FAMILIES)
      for (const budget of BUDGETS) {
        const ta = cell(a, family, budget);
        const tb = cell('base', family, budget);
        let onlyA = 0, onlyB = 0, both = 0, neither = 0;
        ta.forEach((t, i) => {
          const sa = t.c > 0, sb = tb[i]!.c > 0;
          if (sa && sb) both++;
          else if (sa) onlyA++;
          else if (sb) onlyB++;
          else neither++;
        });
        boundaryRows.push({ family, budget, policy_a: a, policy_b: 'base', k: SAMPLES, only_a: onlyA, only_b: onlyB, both, neither, p_value: onlyA + onlyB === 0 ? 1 : 0.25, p_holm: onlyA + onlyB === 0 ? 1 : 0.9, q_bh: onlyA + onlyB === 0 ? 1 : 0.5 });
      }
  files.boundary['boundary.csv'] = through(boundaryTable, boundaryRows);

  const retrievalRows: Record<string, unknown>[] = [];
  const labelRows: Record<string, unknown>[] = [];
  const clusterRows: Record<string, unknown>[] = [];
  const labelsFor = ['single-shot', 'sequential', 'parallel', 'no-search'];
  for (const o of outcomes) {
    o.correct.forEach((correct, sample) => {
      const id = `${o.policy}/${o.family}-${o.task}/${o.budget}/${sample}`;
      const label = o.budget === 0 ? 'no-search' : labelsFor[(o.task + sample + (o.policy === 'rl' ? 1 : 0)) % 3]!;
      const variant = o.policy === 'sft' ? 0 : sample % (o.policy === 'rl' ? 4 : 3); // planted diversity: rl 4 phrasings, base 3, sft 1
      const evil = o.task === 0 ? EVIL_QUERIES[sample % 2]! : `who directed film ${o.task}${variant ? ` (v${variant})` : ''}`;
      const sequence = label === 'no-search' ? '' : label === 'single-shot' ? evil : `${evil} → director ${o.task}`;
      labelRows.push({ id, policy: o.policy, task: `${o.family}-${o.task}`, family: o.family, budget: o.budget, label, correct, calls: label === 'no-search' ? 0 : 2, rounds: Math.min(o.budget, 2), sequence, reading: 'none', read_targets: 0 });
      const cluster = label === 'sequential' ? 1 : label === 'parallel' ? 2 : 0;
      const center = [[-2, 0], [2, 1], [0, -2]][cluster]!;
      clusterRows.push({ id, policy: o.policy, task: `${o.family}-${o.task}`, family: o.family, budget: o.budget, cluster, label, correct, pc1: center[0]! + rng.next() - 0.5, pc2: center[1]! + rng.next() - 0.5 });
    });
  }
  for (const policy of POLICIES)
    for (const family of FAMILIES)
      for (const budget of BUDGETS) {
        const tasks = cell(policy, family, budget);
        const episodes = tasks.length * SAMPLES;
        const correct = tasks.reduce((s, t) => s + t.c, 0);
        const rate = budget === 0 ? 0 : 0.4 + 0.1 * budget;
        retrievalRows.push({ policy, family, budget, episodes, retrieval_rate: rate, accuracy: correct / episodes, acc_given_retrieved: budget === 0 ? null : Math.min(1, (correct / episodes) * 1.3), acc_given_missed: (correct / episodes) * 0.5, definition: 'gold_docs' });
      }
  files.retrieval['retrieval.csv'] = through(retrievalTable, retrievalRows);
  files.label['labels.csv'] = through(labelsTable, labelRows);
  files.cluster['clusters.csv'] = through(clustersTable, clusterRows);
  // Marginal values, T*, crossover and verdicts derived from the planted PASS values.
  const marginalRows: Record<string, unknown>[] = [];
  const saturationRows: Record<string, unknown>[] = [];
  for (const policy of POLICIES)
    for (const family of FAMILIES) {
      for (const budget of BUDGETS)
        for (let k = 1; 2 * k <= SAMPLES; k++) {
          const delta = passOf.get(`${policy}/${family}/${budget}/${2 * k}`)! - passOf.get(`${policy}/${family}/${budget}/${k}`)!;
          marginalRows.push({ policy, family, kind: 'k', k_from: k, k_to: 2 * k, budget_from: budget, budget_to: budget, delta, ci_low: delta - 0.03, ci_high: delta + 0.03, mode: 'capped' });
        }
      for (let k = 1; k <= SAMPLES; k++) {
        const series = BUDGETS.map((b) => passOf.get(`${policy}/${family}/${b}/${k}`)!);
        for (let i = 0; i + 1 < BUDGETS.length; i++) {
          const delta = series[i + 1]! - series[i]!;
          marginalRows.push({ policy, family, kind: 'T', k_from: k, k_to: k, budget_from: BUDGETS[i], budget_to: BUDGETS[i + 1], delta, ci_low: delta - 0.03, ci_high: delta + 0.03, mode: 'capped' });
        }
        let star: number | null = null;
        for (let i = 0; i < BUDGETS.length; i++) {
          if (series.slice(i).every((v, j, rest) => j === 0 || v - rest[j - 1]! < 0.01)) {
            star = BUDGETS[i]!;
            break;
          }
        }
        saturationRows.push({ policy, family, k, t_star: star, saturated: star !== null, threshold: 0.01, pass_at_t_star: star === null ? null : series[BUDGETS.indexOf(star as never)], max_budget: 5, pass_at_max: series[series.length - 1], mode: 'capped', t_star_low: star, t_star_high: null });
      }
    }
  files.passkt['marginal.csv'] = through(marginalTable, marginalRows);
  files.passkt['saturation.csv'] = through(saturationTable, saturationRows);
  files.passkt['crossover.csv'] = through(crossoverTable, [{ family: 'bridge', budget: 5, policy_a: 'rl', policy_b: 'base', crossover_k: null, status: 'above', diff_at_1: 0.05, diff_at_max: 0.16, k_max: SAMPLES, crossover_k_low: null, crossover_k_high: null, significant: true, tolerance: 1e-9 }]);
  files.boundary['verdict.csv'] = through(
    verdictTable,
    boundaryRows.map(({ p_holm, q_bh, ...row }) => ({ ...row, verdict: (row.only_a as number) > (row.only_b as number) ? 'expansion' : 'no difference', shared_tasks: row.both, shared_pass1_diff: 0.02, shared_ci_low: -0.01, shared_ci_high: 0.05, shared_p_value: 0.2, shared_p_adj: 1, p_adj: Math.max(p_holm as number, q_bh as number) })),
  );

  // Strategy frequencies, shift-share terms and diversity computed from the planted labels.
  const frequencyRows: Record<string, unknown>[] = [];
  const decompositionRows: Record<string, unknown>[] = [];
  const retrievalDecRows: Record<string, unknown>[] = [];
  const diversityRows: Record<string, unknown>[] = [];
  const labelsOf = (policy: string, family: string, budget: number) => labelRows.filter((r) => r.policy === policy && r.family === family && r.budget === budget);
  const stat = (rows: Record<string, unknown>[], label: string) => {
    const mine = rows.filter((r) => r.label === label);
    return { count: mine.length, share: mine.length / rows.length, acc: mine.length ? mine.filter((r) => r.correct).length / mine.length : null };
  };
  for (const family of FAMILIES)
    for (const budget of BUDGETS) {
      const base = labelsOf('base', family, budget);
      for (const b of ['rl', 'sft']) {
        const other = labelsOf(b, family, budget);
        const strategies = [...new Set([...base, ...other].map((r) => r.label as string))].sort();
        let reweighting = 0, within = 0, support = 0;
        const lost: string[] = [];
        // one sign convention: policy_a is the compared policy (rl, sft), policy_b the base; a − b
        for (const strategy of strategies) {
          const sb = stat(base, strategy), sa = stat(other, strategy);
          frequencyRows.push({ scheme: 'label', family, budget, policy_a: b, policy_b: 'base', strategy, support: sa.count && sb.count ? 'both' : sa.count ? 'gained' : 'lost',
            count_a: sa.count, count_b: sb.count, share_a: sa.share, share_a_lo: Math.max(0, sa.share - 0.05), share_a_hi: Math.min(1, sa.share + 0.05), share_b: sb.share, share_b_lo: Math.max(0, sb.share - 0.05), share_b_hi: Math.min(1, sb.share + 0.05),
            share_diff: sa.share - sb.share, share_diff_lo: null, share_diff_hi: null, acc_a: sa.acc, acc_a_lo: sa.acc === null ? null : Math.max(0, sa.acc - 0.1), acc_a_hi: sa.acc === null ? null : Math.min(1, sa.acc + 0.1),
            acc_b: sb.acc, acc_b_lo: sb.acc === null ? null : Math.max(0, sb.acc - 0.1), acc_b_hi: sb.acc === null ? null : Math.min(1, sb.acc + 0.1), tasks: TASKS, episodes_a: other.length, episodes_b: base.length,
            chi2: 1, g: 1, df: strategies.length - 1, design_effect: 2, chi2_rs: 0.5, p_value: 0.48, p_naive: 0.3, g_p_value: 0.3, min_expected: 5, cramers_v: 0.1, jsd: 0.01 });
          if (sa.count && sb.count) {
            reweighting += ((sa.share - sb.share) * (sa.acc! + sb.acc!)) / 2;
            within += ((sa.share + sb.share) / 2) * (sa.acc! - sb.acc!);
          } else if (sa.count) support += sa.share * sa.acc!;
          else {
            support -= sb.share * sb.acc!;
            lost.push(strategy);
          }
        }
        const accA = other.filter((r) => r.correct).length / other.length;
        const accB = base.filter((r) => r.correct).length / base.length;
        const t = (v: number): [number, number, number] => [v, v - 0.04, v + 0.04];
        const [total, total_lo, total_hi] = t(accA - accB);
        const [rw, rw_lo, rw_hi] = t(reweighting);
        const [wi, wi_lo, wi_hi] = t(within);
        const [su, su_lo, su_hi] = t(support);
        for (const variant of ['a_ref', 'b_ref', 'symmetric'])
          decompositionRows.push({ scheme: 'label', family, budget, policy_a: b, policy_b: 'base', variant, acc_a: accA, acc_b: accB, total, total_lo, total_hi, reweighting: rw, reweighting_lo: rw_lo, reweighting_hi: rw_hi, within: wi, within_lo: wi_lo, within_hi: wi_hi, support: su, support_lo: su_lo, support_hi: su_hi, new_share: 0, lost_share: lost.length > 0 ? 0.25 : 0, new_strategies: '', lost_strategies: lost.join(';'), thin: b === 'sft' ? 'within' : '', tasks: TASKS, episodes_a: other.length, episodes_b: base.length });
        retrievalDecRows.push({ family, budget, policy_a: b, policy_b: 'base', label: 'all', definition: 'gold_docs', total, total_lo, total_hi, retrieval: 0.6 * total, retrieval_lo: 0.6 * total - 0.03, retrieval_hi: 0.6 * total + 0.03, integration: 0.4 * total, integration_lo: 0.4 * total - 0.03, integration_hi: 0.4 * total + 0.03, integration_retrieved: 0.3 * total, integration_retrieved_lo: 0.3 * total - 0.03, integration_retrieved_hi: 0.3 * total + 0.03, integration_missed: 0.1 * total, integration_missed_lo: 0.1 * total - 0.02, integration_missed_hi: 0.1 * total + 0.02 });
      }
      for (const policy of POLICIES) {
        const rows = labelsOf(policy, family, budget);
        let unique = 0, shared = 0;
        for (let task = 0; task < TASKS; task++) {
          const mine = new Set(rows.filter((r) => r.task === `${family}-${task}`).map((r) => r.sequence as string));
          const theirs = new Set(base.filter((r) => r.task === `${family}-${task}`).map((r) => r.sequence as string));
          unique += mine.size;
          shared += [...mine].filter((q) => theirs.has(q)).length / mine.size;
        }
        diversityRows.push({ policy, family, budget, base: 'base', tasks: TASKS, episodes: rows.length, mean_unique: unique / TASKS, unique_ci_low: unique / TASKS - 0.3, unique_ci_high: unique / TASKS + 0.3, tasks_with_base: TASKS,
          share_in_base: shared / TASKS, share_in_base_ci_low: shared / TASKS - 0.05, share_in_base_ci_high: Math.min(1, shared / TASKS + 0.05), share_of_base: null, share_of_base_ci_low: null, share_of_base_ci_high: null, episode_share_in_base: null });
      }
    }
  files.compare['compare_frequencies.csv'] = through(compareFrequenciesTable, frequencyRows);
  files.compare['decomposition.csv'] = through(decompositionTable, decompositionRows);
  files.compare['retrieval_decomposition.csv'] = through(retrievalDecompositionTable, retrievalDecRows);
  files.label['diversity.csv'] = through(diversityTable, diversityRows);

  // The model-access experiments: planted surprisal (queries ≈ ln 2.07, reasoning ≈ ln 3.08 nats per token, as the
  // study) and a swap grid acc(p, r) = R_p · I_r, both through the real table builders.
  const scored: ScoredEpisode[] = [];
  const swapped: SwapOutcome[] = [];
  for (const policy of ['base', 'rl'])
    for (const family of ['bridge', 'comparison'])
      for (let task = 0; task < TASKS; task++)
        for (let sample = 0; sample < 4; sample++) {
          const segment = (mean: number) => {
            const tokens = 5 + rng.int(20);
            return { tokens, nats: tokens * mean * (0.8 + 0.4 * rng.next()) };
          };
          scored.push({ id: `${policy}/${family}-${task}/5/${sample}`, policy, task: `${family}-${task}`, family, budget: 5, segments: { query: segment(0.73), reasoning: segment(policy === 'rl' ? 1.12 : 1.0), answer: segment(0.9) } });
          for (const reasoning of ['base', 'rl']) {
            const p = (policy === 'rl' ? 0.7 : 0.5) * (reasoning === 'rl' ? 0.8 : 0.7);
            swapped.push({ task: `${family}-${task}`, family, budget: 5, key: `${family}-${task}/${sample}`, plan: policy, reasoning, correct: rng.next() < p });
          }
        }
  const surprisal = surprisalTables(scored, { scorer: 'sim#base', resamples: 50, level: 0.95, seed: 3 });
  files.score['surprisal.csv'] = surprisalTable.format(surprisal.rows);
  files.score['surprisal_diff.csv'] = surprisalDiffTable.format(surprisal.diffs);
  const swapTablesOut = swapTables(swapped, { a: 'rl', b: 'base', resamples: 50, level: 0.95, seed: 3 });
  files.swap['swap.csv'] = swapTable.format(swapTablesOut.cells);
  files.swap['swap_attribution.csv'] = swapAttributionTable.format(swapTablesOut.attribution);

  const episodes = outcomes.length * SAMPLES;
  files.ingest['summary.json'] = JSON.stringify({ read: episodes + 2, accepted: episodes, rejected: 2, reject_reasons: { 'unknown task': 1, [EVIL_QUERIES[1]!]: 1 } });
  files.ingest['traces.jsonl'] = `${JSON.stringify({ id: 'x', policy: 'base', task: 'bridge-0', family: 'bridge', budget: 5, rounds: 1, answer: 'a', correct: true, meta: options.simulatedMeta === false ? {} : { simulated: true }, steps: [] })}\n`;

  const inputs = new Map<string, StageInput>();
  for (const stage of stages) {
    const dir = join(root, stage);
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files[stage])) writeFileSync(join(dir, file), text);
    const extra: Partial<StageManifest> =
      stage === 'ingest' ? { counts: { read: episodes + 2, accepted: episodes, rejected: 2 }, external_files: [{ path: '/data/<evil>.jsonl', bytes: 10, mtime_ms: 0, sha256: 'ab'.repeat(32) }] } : {};
    const m = manifest(stage, stage === 'passkt' ? { resamples: 1000 } : {}, extra);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
    inputs.set(stage, stageInput(stage, dir, m));
  }
  return inputs;
}

/** A stage context over fixture inputs, writing into `outDir`, with warnings collected. */
export function fixtureContext<P>(inputs: Map<string, StageInput>, outDir: string, params: P, warnings: string[] = []): StageContext<P> {
  mkdirSync(outDir, { recursive: true });
  return {
    name: 'report',
    params,
    settings: { seed: 1, strict: false },
    seed: 7,
    externalFiles: [],
    out: stageOutput(outDir),
    log: { info: () => {}, warn: (message) => warnings.push(message) },
    progress: () => ({ tick: () => {}, setTotal: () => {}, stop: () => {} }),
    hasInput: (stage) => inputs.has(stage),
    input: (stage) => {
      const input = inputs.get(stage);
      if (!input) throw new Error(`no input ${stage}`);
      return input;
    },
  };
}
