/**
 * Whether a set of shards is complete: every shard says "i of N" with the same N, and each index
 * 0..N-1 appears exactly once. Anything else would merge to numbers that belong to no run.
 */

/** One shard as its statistics describe it, and where it came from (for messages). */
export interface ShardId {
  index: number;
  count: number;
  origin: string;
}

/** Why these shards cannot be merged, or null when they form one complete set. */
export function shardSetProblem(shards: readonly ShardId[]): string | null {
  if (shards.length === 0) return 'no shards given';
  const counts = [...new Set(shards.map((shard) => shard.count))].sort((a, b) => a - b);
  if (counts.length > 1) {
    const listing = counts.map((count) => `${count} (${shards.filter((shard) => shard.count === count).map((shard) => shard.origin).join(', ')})`).join(' vs ');
    return `the shards were cut with different shard counts: ${listing}`;
  }
  const count = counts[0] as number;
  const byIndex = new Map<number, string[]>();
  for (const shard of shards) byIndex.set(shard.index, [...(byIndex.get(shard.index) ?? []), shard.origin]);
  const twice = [...byIndex].filter(([, origins]) => origins.length > 1).sort(([a], [b]) => a - b);
  if (twice.length > 0) {
    return twice.map(([index, origins]) => `shard ${index}/${count} is given ${origins.length} times (${origins.join(', ')})`).join('; ');
  }
  const missing: number[] = [];
  for (let index = 0; index < count; index++) if (!byIndex.has(index)) missing.push(index);
  if (missing.length > 0) {
    const shown = missing.slice(0, 10).map((index) => `${index}/${count}`).join(', ');
    return `shard${missing.length > 1 ? 's' : ''} ${shown}${missing.length > 10 ? `, … (${missing.length} in all)` : ''} ${missing.length > 1 ? 'are' : 'is'} missing`;
  }
  return null;
}
