/** The CLI a reader meets first: `--help` grouped by what the flags are for, source flags refused for another source, `inspect` alone. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUP_HEADINGS } from '../../../pipeline/cli/flag-groups';
import { UserError } from '../../../pipeline/errors';
import { STAGES } from '../../../pipeline/stages/registry';
import { runCli } from '../../helpers/run-cli';

const run = runCli;

describe('pipeline --help', () => {
  it('lists the flags under their groups, sources first, in a fixed order', async () => {
    const { out } = await run(['pipeline', '--help']);
    const positions = ['run', 'input', 'simulate', 'import', 'collect', 'analysis', 'report', 'performance'].map((group) => out.indexOf(GROUP_HEADINGS[group as keyof typeof GROUP_HEADINGS]));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const section = (heading: string) => out.slice(out.indexOf(heading), out.indexOf('\n\n', out.indexOf(heading)));
    expect(section(GROUP_HEADINGS.simulate)).toContain('--quick');
    expect(section(GROUP_HEADINGS.import)).toContain('--import-option');
    expect(section(GROUP_HEADINGS.collect)).toContain('--collect-out');
    expect(section(GROUP_HEADINGS.report)).toContain('--figures');
    expect(section(GROUP_HEADINGS.performance)).toMatch(/--workers[\s\S]*--max-line-bytes|--max-line-bytes[\s\S]*--workers/);
    expect(section(GROUP_HEADINGS.analysis)).toContain('--base');
  });
});

describe('flags of another source', () => {
  it('refuses --quick with --import, naming both', async () => {
    const { error } = await run(['pipeline', '--quick', '--import', 'auto:x.jsonl', '--run-dir', mkdtempSync(join(tmpdir(), 'cli-'))]);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/--quick applies only when the run simulates its data, but this run imports files with --import/);
  });

  it('refuses --quick with --collect', async () => {
    const { error } = await run(['pipeline', '--quick', '--collect', 'c.json']);
    expect((error as Error).message).toMatch(/^--quick applies only when the run simulates its data, but this run collects rollouts with --collect/);
  });

  it('refuses simulator and import flags with canonical trajectory files (--policy is the score stage\'s too, so it stays)', async () => {
    const { error } = await run(['pipeline', '--trajectories', 't.jsonl', '--samples', '4', '--policy', 'x']);
    expect((error as Error).message).toMatch(/^--samples applies only when the run simulates its data, but this run reads canonical trajectories given with --trajectories/);
  });
});

describe('inspect with no stage', () => {
  it('lists every stage, whether this run has its outputs, and what it shows', async () => {
    const { out, error } = await run(['inspect', '--run-dir', mkdtempSync(join(tmpdir(), 'cli-'))]);
    expect(error).toBeNull();
    const lines = out.split('\n');
    // A fresh folder: no stage has outputs, so every line shows — and the stage's description.
    for (const stage of STAGES) expect(lines.some((line) => line.startsWith(`${stage.name} `) && / — +/.test(line) && line.endsWith(stage.description)), stage.name).toBe(true);
    expect(out).toContain('npm run inspect -- passkt');
  });
});
