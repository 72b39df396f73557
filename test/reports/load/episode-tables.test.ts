import { describe, expect, it } from 'vitest';
import { readClusters, readTopSequences } from '../../../reports/load/episode-tables';

async function* rowsOf(rows: Record<string, string>[]): AsyncGenerator<Record<string, string>> {
  yield* rows;
}

const clusterRows = Array.from({ length: 500 }, (_, i) => ({
  id: `ep-${i}`,
  policy: i % 2 ? 'rl' : 'base',
  task: `t${i % 7}`,
  family: 'bridge',
  budget: '5',
  cluster: String(i % 3),
  label: i % 5 === 0 ? 'sequential' : 'single-shot',
  correct: 'true',
  pc1: String(i / 100),
  pc2: String(-i / 100),
}));

describe('cluster table reader', () => {
  it('keeps a deterministic per-policy sample that does not depend on row order', async () => {
    const a = await readClusters('clusters.csv', rowsOf(clusterRows), 40);
    const b = await readClusters('clusters.csv', rowsOf([...clusterRows].reverse()), 40);
    expect(a.points).toHaveLength(80);
    expect(a.points.filter((p) => p.policy === 'rl')).toHaveLength(40);
    const key = (p: { pc1: number }) => p.pc1;
    expect(a.points.map(key).sort()).toEqual(b.points.map(key).sort());
    expect(a.episodes).toBe(500);
  });

  it('counts every episode per cluster and label, not only the sample', async () => {
    const { labels } = await readClusters('clusters.csv', rowsOf(clusterRows), 5);
    const brute = new Map<string, number>();
    for (const r of clusterRows) brute.set(`${r.cluster}/${r.label}`, (brute.get(`${r.cluster}/${r.label}`) ?? 0) + 1);
    expect(labels.reduce((s, l) => s + l.episodes, 0)).toBe(500);
    for (const l of labels) expect(l.episodes).toBe(brute.get(`${l.cluster}/${l.label}`));
  });

  it('names the file and row of a malformed number', async () => {
    const bad = [{ ...clusterRows[0]!, pc1: 'abc' }];
    await expect(readClusters('cluster/clusters.csv', rowsOf(bad), 5)).rejects.toThrow(/cluster\/clusters.csv, data row 1: column "pc1" holds "abc"/);
  });
});

/** A full labels.csv record (every declared column) with some cells given. */
function labelRecord(cells: Record<string, string>): Record<string, string> {
  return { id: 'e', policy: 'base', task: 't1', family: 'bridge', budget: '5', label: 'single-shot', correct: 'true', calls: '1', rounds: '1', sequence: '', reading: 'none', read_targets: '0', ...cells };
}

describe('top query sequences', () => {
  it('counts episodes and correct ones per sequence, keeps the most frequent, ties by text', async () => {
    const rows = [
      ['q1', 'true'], ['q1', 'false'], ['q2', 'true'], ['q3', 'true'], ['q3', 'true'], ['q1', 'true'], ['q0', 'false'],
    ].map(([sequence, correct], i) => labelRecord({ id: `e${i}`, sequence: sequence!, correct: correct! }));
    rows.push(labelRecord({ id: 'e9', budget: '3', sequence: 'q9', correct: 'true' }));
    const top = await readTopSequences('labels.csv', rowsOf(rows), (_, budget) => budget === 5, 3);
    expect(top.map((t) => [t.sequence, t.episodes, t.correct])).toEqual([
      ['q1', 3, 2],
      ['q3', 2, 2],
      ['q0', 1, 0],
    ]);
  });
});
