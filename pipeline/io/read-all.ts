/** Collects an async stream into an array (small outputs only: per-task counts, not per-episode rows). */
export async function readAll<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
