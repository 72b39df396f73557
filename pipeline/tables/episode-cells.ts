/**
 * Reads ingest's episodes, joined with the label stage's `labels.csv` and the cluster stage's
 * `clusters.csv` by episode id, into the mechanism cells (analyses/mechanism/episode-cells.ts). Used by
 * the compare stage and, in shard runs, by the stats stage. The per-episode tables are joined in step
 * (they are written in episode order), so nothing per episode is held; a table in another order is
 * read again into a map.
 */
import { cellKeyOf, EpisodeCells } from '../../analyses/mechanism/episode-cells';
import type { EpisodeRow } from '../../analyses/episode';
import { OrderedJoin, rowsById } from '../io/ordered-join';
import type { StageInput } from '../runner/stage';
import { clustersTable } from './clusters';
import { episodesFile } from './episodes';
import { labelsTable } from './labels';

/** Where the strategies come from, and where each episode stands in the whole input. */
export interface CellSources {
  /** The label stage's output (labels.csv), when it ran. */
  label?: StageInput;
  /** The cluster stage's output (clusters.csv), when it ran and is used. */
  cluster?: StageInput;
  /** The input position of each episode, in episode order (a shard's record ordinals); default: its line in episodes.jsonl. */
  positions?: () => AsyncIterable<number>;
}

type Lookup<R> = (id: string) => Promise<R | undefined>;

/** The cells of every episode ingest accepted. */
export async function readEpisodeCells(ingest: StageInput, sources: CellSources, onEpisode?: (row: EpisodeRow) => void): Promise<EpisodeCells> {
  const labels = sources.label ? new OrderedJoin(labelsTable.stream(sources.label)) : undefined;
  const clusters = sources.cluster ? new OrderedJoin(clustersTable.stream(sources.cluster)) : undefined;
  const cells = await collect(ingest, sources, (id) => labels?.take(id) ?? none(), (id) => clusters?.take(id) ?? none(), onEpisode);
  if (!(await labels?.leftOver()) && !(await clusters?.leftOver())) return cells;
  // Not in episode order (hand-made tables): join through maps instead.
  const labelMap = sources.label ? await rowsById(labelsTable.stream(sources.label)) : undefined;
  const clusterMap = sources.cluster ? await rowsById(clustersTable.stream(sources.cluster)) : undefined;
  return collect(ingest, sources, async (id) => labelMap?.get(id), async (id) => clusterMap?.get(id));
}

const none = async <R>(): Promise<R | undefined> => undefined;

async function collect(
  ingest: StageInput,
  sources: CellSources,
  label: Lookup<{ label: string; reading: string; read_targets: number }>,
  cluster: Lookup<{ cluster: number }>,
  onEpisode?: (row: EpisodeRow) => void,
): Promise<EpisodeCells> {
  const cells = new EpisodeCells();
  const positions = sources.positions?.()[Symbol.asyncIterator]();
  let line = 0;
  for await (const row of episodesFile.stream(ingest)) {
    onEpisode?.(row);
    const labeled = await label(row.id);
    const clustered = await cluster(row.id);
    const position = positions ? (await positions.next()).value : line;
    line += 1;
    if (typeof position !== 'number') throw new RangeError(`episode ${line} of ${ingest.stage}/episodes.jsonl has no input position`);
    const strategy = {
      label: labeled?.label ?? null,
      reading: labeled?.reading ?? null,
      reads: (labeled?.read_targets ?? 0) > 0,
      cluster: clustered ? String(clustered.cluster) : null,
    };
    cells.add(cellKeyOf(row, strategy), position);
  }
  return cells;
}
