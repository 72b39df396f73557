import { describe, expect, it } from 'vitest';
import { passTable } from '../../../pipeline/tables/passkt';
import { loadTable } from '../../../reports/load/upstream';
import type { StageInput } from '../../../pipeline/runner/stage';

function upstreamWith(stage: string, files: Record<string, Record<string, string>[]>) {
  const input = { stage, has: (file: string) => file in files, csv: async (file: string) => files[file]! } as unknown as StageInput;
  return { hasInput: (name: string) => name === stage, input: () => input };
}

const row = (pass: string, low: string) => ({ policy: 'rl', family: 'bridge', budget: '5', k: '1', pass, ci_low: low, ci_high: low === '' ? '' : '0.5', tasks: '10', mode: 'capped' });

describe('loading upstream tables', () => {
  it('reads rows through the declaration, blank estimates and intervals as null', async () => {
    const problems: Record<string, string> = {};
    const rows = await loadTable(upstreamWith('passkt', { 'passkt.csv': [row('0.4', ''), row('', ''), row('0.3', '0.2')] }), ['passkt'], passTable, problems);
    expect(rows!.map((r) => [r.pass, r.ci_low])).toEqual([[0.4, null], [null, null], [0.3, 0.2]]);
    expect(problems).toEqual({});
  });

  it('records why a table is absent or unreadable instead of failing the report', async () => {
    const problems: Record<string, string> = {};
    expect(await loadTable(upstreamWith('ingest', {}), ['passkt'], passTable, problems)).toBeUndefined();
    expect(problems['passkt.csv']).toBe('the passkt stage is not part of this run (no passkt.csv).');
    expect(await loadTable(upstreamWith('passkt', { 'passkt.csv': [{ ...row('0.4', ''), k: 'one' }] }), ['passkt'], passTable, problems)).toBeUndefined();
    expect(problems['passkt.csv']).toMatch(/^passkt\/passkt.csv, data row 1: column "k" holds "one", not a number/);
    expect(await loadTable(upstreamWith('passkt', {}), ['passkt'], passTable, problems)).toBeUndefined();
    expect(problems['passkt.csv']).toBe('the passkt stage ran but wrote no passkt.csv.');
  });
});
