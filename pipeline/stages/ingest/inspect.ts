import type { EpisodeRow } from '../../../analyses/episode';
import { textTable } from '../../cli/table';
import type { StageInput } from '../../runner/stage';
import { episodesFile } from '../../tables/episodes';
import { ingestSummaryFile } from '../../tables/ingest-summary';


const SAMPLE_ROWS = 5;

/** The readable summary `npm run inspect -- ingest` prints. */
export async function formatIngestSummary(output: StageInput): Promise<string> {
  const summary = await ingestSummaryFile.read(output);
  const parts: string[] = [];
  parts.push(`inputs: ${summary.inputs.join(', ')}`);
  parts.push(
    `read ${summary.read}, accepted ${summary.accepted}, rejected ${summary.rejected}` +
      (summary.blank_lines ? ` (${summary.blank_lines} blank lines skipped)` : ''),
  );
  if (summary.sources?.length) {
    parts.push('', 'per adapter (import stage):');
    parts.push(
      textTable(
        ['adapter', 'file', 'policy', 'read', 'converted', 'rejected', 'merged'],
        summary.sources.map((s) => [s.format, s.file, s.policy, s.read, s.converted, s.rejected, s.merged]),
      ),
      '',
    );
  }
  parts.push(
    summary.tasks.derived
      ? `tasks: ${summary.tasks.accepted}, derived from the trajectories' task ids`
      : `tasks: read ${summary.tasks.read}, accepted ${summary.tasks.accepted}, rejected ${summary.tasks.rejected}`,
  );
  parts.push('', 'episodes per policy / family / budget:');
  parts.push(
    textTable(
      ['policy', 'family', 'budget', 'tasks', 'episodes', 'correct', 'accuracy', 'mean score'],
      (summary.cells ?? []).map((c) => [c.policy, c.family, String(c.budget), c.tasks, c.episodes, c.correct, c.correct / c.episodes, c.mean_score]),
    ),
  );
  const histogram = summary.score_histogram ?? [];
  const total = histogram.reduce((a, b) => a + b, 0);
  if (total > 0) {
    parts.push('', 'score distribution:');
    histogram.forEach((count, i) => {
      const label = `${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}`;
      parts.push(`  ${label}  ${'#'.repeat(Math.round((40 * count) / total)).padEnd(40)} ${count}`);
    });
  }
  const reasons = Object.entries(summary.reject_reasons);
  parts.push('', reasons.length ? 'reject reasons:' : 'no rejects');
  for (const [reason, count] of reasons) parts.push(`  ${String(count).padStart(8)}  ${reason}`);
  if (output.has('rejects.jsonl')) {
    let shown = 0;
    for await (const reject of output.jsonl<{ file: string; line: number; reason: string }>('rejects.jsonl')) {
      if (shown === 0) parts.push('', 'first rejects:');
      parts.push(`  ${reject.file}:${reject.line}: ${reject.reason}`);
      if (++shown >= SAMPLE_ROWS) break;
    }
  }
  const rows: EpisodeRow[] = [];
  for await (const row of episodesFile.stream(output)) {
    rows.push(row);
    if (rows.length >= SAMPLE_ROWS) break;
  }
  if (rows.length) {
    parts.push('', 'first episodes:');
    parts.push(
      textTable(
        ['id', 'rounds', 'calls', 'correct', 'score', 'gold retrieved'],
        rows.map((r) => [r.id, r.rounds, r.calls, String(r.correct), r.score, `${r.gold_retrieved}/${r.gold_total}`]),
      ),
    );
  }
  return parts.join('\n');
}
