/**
 * The default id of an episode (FORMAT.md): `policy/task/budget/sample`, `uncapped` for a missing
 * budget, `#n` for the n-th episode of its cell without a sample. Ingest gives every accepted episode
 * this id unless the trajectory names one; the model-access stages find an episode's steps by it.
 */

/** The id of an episode: its own, or the default built from its key. */
export function episodeId(given: string | undefined, policy: string, task: string, budget: number | null, sample: number | null, arrival = 0): string {
  return given ?? `${policy}/${task}/${budget ?? 'uncapped'}/${sample !== null ? String(sample) : `#${arrival}`}`;
}
