/**
 * The full trajectories of episodes ingest accepted, for the model-access stages (score, swap): they need
 * every step — reasoning text, queries, the paragraphs shown — which ingest's compact outputs do not keep.
 * They are streamed from the files ingest read (the source stage's `trajectories.jsonl`, or the files
 * given with --trajectories, as ingest's manifest records them) and matched to ingest's episodes by id
 * (pipeline/formats/episode-id.ts); only the wanted ones are parsed into steps.
 */
import { normalizeAnswer } from '../../analyses/text/normalize';
import type { TaskRow } from '../../analyses/episode';
import { episodeId } from '../formats/episode-id';
import { TrajectorySchema, type Trajectory } from '../formats/trajectory';
import { readLines } from '../io/lines';
import type { StageContext } from '../runner/stage';
import { SOURCE_STAGE_NAMES } from '../stages/names';

/** The trajectory files ingest read in this run, in its order. */
export function trajectoryFiles(ctx: Pick<StageContext<unknown>, 'hasInput' | 'input'>): string[] {
  const files: string[] = [];
  const source = SOURCE_STAGE_NAMES.find((stage) => ctx.hasInput(stage));
  if (source && ctx.input(source).has('trajectories.jsonl')) files.push(ctx.input(source).path('trajectories.jsonl'));
  const ingest = ctx.input('ingest').manifest;
  const params = ingest.params as { tasks?: string; trajectories?: string[] };
  const external = ingest.external_files.map((file) => file.path);
  files.push(...external.slice(params.tasks ? 1 : 0, (params.tasks ? 1 : 0) + (params.trajectories?.length ?? 0)));
  return files;
}

/** Finds tasks by id, or by question for sources that name the question instead (as ingest does). */
export class TaskLookup {
  private readonly byId = new Map<string, TaskRow>();
  private readonly byQuestion = new Map<string, string>();

  constructor(rows: Iterable<TaskRow>) {
    for (const row of rows) {
      this.byId.set(row.task, row);
      const key = normalizeAnswer(row.question);
      if (key && !this.byQuestion.has(key)) this.byQuestion.set(key, row.task);
    }
  }

  /** The task a trajectory's `task` field names. */
  find(task: string): TaskRow | undefined {
    return this.byId.get(task) ?? this.byId.get(this.byQuestion.get(normalizeAnswer(task)) ?? '');
  }
}

/**
 * Streams the trajectories of the wanted episode ids, each once (the first with its id, as ingest keeps
 * the first). Lines that are not valid trajectories were rejected by ingest and are skipped; episodes
 * without a `sample` (numbered by arrival) are not matched.
 */
export async function* wantedTrajectories(files: readonly string[], tasks: TaskLookup, wanted: (id: string) => boolean): AsyncIterable<{ id: string; task: TaskRow; trajectory: Trajectory }> {
  const found = new Set<string>();
  for (const file of files) {
    for await (const line of readLines(file)) {
      if (line.tooLong || line.text.trim() === '') continue;
      let raw: unknown;
      try {
        raw = JSON.parse(line.text);
      } catch {
        continue;
      }
      const head = raw as { id?: unknown; policy?: unknown; task?: unknown; budget?: unknown; sample?: unknown };
      if (typeof head?.policy !== 'string' || typeof head.task !== 'string') continue;
      const task = tasks.find(head.task);
      const sample = typeof head.sample === 'number' ? head.sample : null;
      if (!task || (sample === null && typeof head.id !== 'string')) continue;
      const id = episodeId(typeof head.id === 'string' ? head.id : undefined, head.policy, task.task, typeof head.budget === 'number' ? head.budget : null, sample);
      if (found.has(id) || !wanted(id)) continue;
      const parsed = TrajectorySchema.safeParse(raw);
      if (!parsed.success) continue;
      found.add(id);
      yield { id, task, trajectory: parsed.data };
    }
  }
}
