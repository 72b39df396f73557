/**
 * Works through a stream with at most `concurrency` tasks in flight, reading ahead no more than a few
 * times that (so a stream of millions of items never sits in memory). The first error of a task stops the
 * reading, lets the tasks in flight finish, and is thrown.
 */
import pLimit from 'p-limit';

/** Runs `work` on every item of `items`, `concurrency` at a time. */
export async function forEachBounded<T>(items: AsyncIterable<T>, concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  const limit = pLimit(concurrency);
  const pending = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for await (const item of items) {
    if (failure) break;
    const job: Promise<void> = limit(() => (failure ? Promise.resolve() : work(item)))
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => pending.delete(job));
    pending.add(job);
    if (pending.size >= concurrency * 4) await Promise.race(pending);
  }
  await Promise.all(pending);
  if (failure) throw failure.error;
}
