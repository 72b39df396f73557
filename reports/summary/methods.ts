/** The method notes, stated with the settings this run actually used. */
import type { ReportData } from '../data/tables';

/** Paragraphs for the "Method notes" section. */
export function methodNotes(data: ReportData): string[] {
  const notes: string[] = [];
  const modes = [...new Set((data.passkt ?? []).map((row) => row.mode))].sort();
  const passkt = data.provenance.stages.find((stage) => stage.stage === 'passkt');
  notes.push(
    'Estimator. For each task with n episodes of which c are correct, PASS@k = 1 − C(n−c, k) / C(n, k) (the unbiased estimator, ' +
      'exactly 1 when n − c < k, computed in product form); a family’s value is the mean over its tasks. Tasks with fewer than k ' +
      'episodes are left out of that k and counted, never padded.',
  );
  notes.push(
    `Budget mode${modes.length === 1 ? '' : 's'} in this run: ${modes.length ? modes.join(', ') : 'none (no PASS@(k,T) table)'}. ` +
      '“capped” uses the episodes that were run with budget T; “thresholded” counts an uncapped episode as a success at T only if it ' +
      'is correct within T tool-call rounds (an approximation: an agent may act differently when told its budget). A tool-call round is a ' +
      'set of calls issued together.',
  );
  notes.push(
    'Uncertainty. Intervals are 95% percentile bootstrap intervals that resample tasks (with a seeded generator); differences between ' +
      'policies resample tasks jointly (paired). Where a PASS@(k,T) estimate is 0 or 1 (every task solved at k = n), every resample gives ' +
      'the same value, so the exact Clopper–Pearson interval over the tasks is shown instead (for 100 of 100 tasks: [.964, 1]). Crossover k ' +
      'and the saturation depth T* carry bootstrap intervals from the same resamples. ' +
      (passkt ? `The passkt stage ran with parameters ${JSON.stringify(passkt.params)}.` : ''),
  );
  notes.push(
    'Tests. The capability boundary at k = n compares the tasks each policy solves at least once; the p-value is the two-sided exact ' +
      'McNemar (binomial) test on the tasks only one of the two policies solves, with Holm-adjusted p and Benjamini–Hochberg q over every ' +
      'boundary test of the run. Verdicts claim a difference only when its Holm-adjusted p is below alpha: a boundary claim on that ' +
      'p_holm, a reliability claim on Holm over every sign-flip test of pass@1 on the tasks both policies solve; each family of claims is ' +
      'wrong anywhere with probability at most alpha (both together at most 2·alpha); a significant loss is always said. Strategy frequencies are compared with a Rao–Scott corrected ' +
      'chi-square test (episodes clustered by task); the naive p is in compare_frequencies.csv. Differences are always a − b, b the base policy.',
  );
  if (data.retrieval && data.retrieval.length > 0) {
    const definitions = [...new Set(data.retrieval.map((row) => row.definition))].sort();
    notes.push(
      `Retrieval success is defined by ${definitions.join(' / ')}: “gold_docs” means every gold document of the task appeared in a tool ` +
        'result (matched by id or normalized title); “answer_in_results” means a gold answer appeared in a tool result.',
    );
  }
  return notes;
}
