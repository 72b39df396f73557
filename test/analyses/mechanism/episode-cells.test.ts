import { describe, expect, it } from 'vitest';
import { compareGroups } from '../../../analyses/mechanism/compare-group';
import { cellKeyOf, EpisodeCells, groupsFromCells, groupsWithReads, UNLABELED } from '../../../analyses/mechanism/episode-cells';
import { createRng } from '../../../analyses/random/rng';
import { MechanismSums } from '../../../analyses/shard/mechanism-sums';
import { hash64 } from '../../../analyses/shard/hash64';
import { groupRows } from './group-helper';
import { generatePlanted, type PlantedPolicy } from './planted-generator';

const policy = (name: string, mixture: Record<string, number>): PlantedPolicy => ({ name, mixture, queryQuality: 0.8, integration: 0.6, guess: 0.1 });

// Episodes in a shuffled arrival order, with labels (some missing), clusters and reading depth.
function episodes(seed: string) {
  const rng = createRng(seed);
  const planted = generatePlanted(
    [policy('base', { 'single-shot': 2, sequential: 1 }), policy('rl', { sequential: 2, verify: 1 }), policy('sft', { parallel: 1, 'single-shot': 1 })],
    8,
    6,
    rng,
  );
  for (let i = planted.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [planted[i], planted[j]] = [planted[j]!, planted[i]!];
  }
  return planted.map((episode, index) => ({
    row: episode.row,
    label: index % 13 === 0 ? null : episode.strategy,
    reading: index % 5 === 0 ? 'brief' : 'none',
    reads: index % 5 === 0 && episode.row.family === 'bridge',
    cluster: String(index % 2),
  }));
}

describe('episode cells', () => {
  it('expanded in first-episode order, give the comparisons of the episodes one by one, to the last bit', () => {
    for (const seed of ['a', 'b', 'c']) {
      const list = episodes(seed);
      const cells = new EpisodeCells();
      list.forEach((e, position) => cells.add(cellKeyOf(e.row, { label: e.label, reading: e.label === null ? null : e.reading, reads: e.label !== null && e.reads, cluster: e.cluster }), position));
      expect(cells.size).toBeLessThan(list.length);
      expect(cells.rows().reduce((sum, cell) => sum + cell.episodes, 0)).toBe(list.length);
      const withReads = new Set(groupsWithReads(cells.rows()));
      const strategyOf = (e: (typeof list)[number]) => {
        if (e.label === null) return UNLABELED;
        return withReads.has(`${e.row.family}, T=${e.row.budget ?? 'all'}`) ? `${e.label}/${e.reading}` : e.label;
      };
      const byId = new Map(list.map((e) => [e.row.id, e]));
      const direct = groupRows(list.map((e) => e.row), ['label', 'cluster'], (row) => [strategyOf(byId.get(row.id)!), byId.get(row.id)!.cluster]);
      const definitions = new Map([['bridge', 'gold_docs' as const]]);
      const fromCells = groupsFromCells(cells.rows(), { schemes: ['label', 'cluster'], definitions });
      const options = { base: 'base', resamples: 30, level: 0.95, rng: createRng(`${seed}/b`), definitions };
      expect(compareGroups(fromCells, options)).toEqual(compareGroups(direct, options));
      expect(withReads.size).toBeGreaterThan(0);
    }
  });

  it('sum over shards to the cells of one run, whatever the shard order (first positions take the minimum)', () => {
    const list = episodes('d');
    const key = (e: (typeof list)[number]) => cellKeyOf(e.row, { label: e.label, reading: e.reading, reads: e.reads, cluster: null });
    const whole = new EpisodeCells();
    list.forEach((e, position) => whole.add(key(e), position));
    const shards = [0, 1, 2].map((index) => {
      const cells = new EpisodeCells();
      list.forEach((e, position) => position % 3 === index && cells.add(key(e), position));
      return cells;
    });
    const sums = new MechanismSums();
    for (const shard of [shards[2]!, shards[0]!, shards[1]!]) for (const cell of shard.rows()) sums.addCell(cell);
    expect(sums.cells.rows()).toEqual(whole.rows());
  });
});

describe('MechanismSums ids', () => {
  it('finds the hashes accepted by more than one shard', () => {
    const sums = new MechanismSums();
    sums.addIds(['a', 'b', 'c'].map(hash64));
    sums.addIds(['d', 'b'].map(hash64));
    expect(sums.duplicateIds()).toEqual([hash64('b')]);
    expect(sums.ids()).toHaveLength(5);
  });

  it('hashes strings to 16 hex digits, deterministically and apart', () => {
    const hashes = new Set(Array.from({ length: 20_000 }, (_, i) => hash64(`rl/t${i % 300}/3/${i}`)));
    expect(hashes.size).toBe(20_000);
    expect(hash64('x')).toMatch(/^[0-9a-f]{16}$/);
    expect(hash64('x')).toBe(hash64('x'));
    expect(hash64('')).not.toBe(hash64('\u0000'));
  });
});
