/**
 * What the analysis stages of a merge run read from the merge stage's `stats.jsonl`: the summed
 * mechanism cells (compare, retrieval), document counts (retrieval), hashed sequences, label counts
 * and planted-strategy confusion (label), and every policy with episodes.
 */
import { EpisodeCells } from '../../../analyses/mechanism/episode-cells';
import { LabelCounts } from '../../../analyses/shard/label-counts';
import type { ConfusionCount, SequenceCounts } from '../../../analyses/shard/mechanism-sums';
import type { StageInput } from '../../runner/stage';
import type { DocumentCount } from '../ingest-summary';
import { STATS_FILE } from './format';
import { cellOf } from './lines';
import { readStatsBody, readStatsHeader } from './read';

/** The merged statistics an analysis stage reads. */
export interface MergedStats {
  /** The shards ran the label stage (labels, sequences and label cells are present). */
  labeled: boolean;
  labeler: string | null;
  cells: EpisodeCells;
  documents: DocumentCount[];
  labels: LabelCounts;
  sequences: SequenceCounts[];
  confusion: ConfusionCount[];
  /** Every policy with accepted episodes. */
  policies: Set<string>;
}

/** Reads the merged statistics of a merge stage's output. */
export async function readMergedStats(input: StageInput): Promise<MergedStats> {
  const path = input.path(STATS_FILE);
  const label = `${input.stage}/${STATS_FILE}`;
  const header = await readStatsHeader(path, label);
  const stats: MergedStats = {
    labeled: header.label !== null,
    labeler: header.label?.labeler ?? null,
    cells: new EpisodeCells(),
    documents: header.documents,
    labels: new LabelCounts(),
    sequences: [],
    confusion: [],
    policies: new Set(),
  };
  for await (const line of readStatsBody(path, label)) {
    if (line.kind === 'outcome') stats.policies.add(line.policy);
    else if (line.kind === 'cell') stats.cells.add(cellOf(line), line.first, line.episodes);
    else if (line.kind === 'label') stats.labels.add(line, line.episodes, line.successes);
    else if (line.kind === 'truth') stats.labels.addTruth(line, line.episodes);
    else if (line.kind === 'sequences') stats.sequences.push({ policy: line.policy, family: line.family, budget: line.budget, task: line.task, counts: line.counts });
    else if (line.kind === 'confusion') stats.confusion.push({ policy: line.policy, true_label: line.true_label, label: line.label, episodes: line.episodes });
  }
  return stats;
}
