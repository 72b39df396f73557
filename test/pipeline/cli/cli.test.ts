import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as cli } from '../../helpers/cli-process';
import { tempDir } from '../../helpers/run-stages';

describe('CLI as a subprocess', () => {
  const dir = tempDir();
  const tasks = join(dir, 'tasks.jsonl');
  const trajectories = join(dir, 'trajectories.jsonl');
  writeFileSync(tasks, `${JSON.stringify({ task: 't1', question: 'q?', answers: ['yes'] })}\n`);
  writeFileSync(
    trajectories,
    [0, 1, 2].map((sample) => JSON.stringify({ policy: 'base', task: 't1', sample, steps: [{ type: 'answer', text: sample ? 'yes' : 'no' }] })).join('\n'),
  );
  const runDir = join(dir, 'run');

  it('runs ingest on user files, then says [fresh] for every stage', () => {
    const args = ['pipeline', '--tasks', tasks, '--trajectories', trajectories, '--run-dir', runDir];
    const first = cli(args);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('ingest: read 3, accepted 3, rejected 0');
    expect(first.stderr).toMatch(/\[stale\] \d\d-ingest/);
    const second = cli(args);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).not.toMatch(/\[stale\]/);
    expect(second.stderr).toMatch(/\[fresh\] \d\d-ingest/);
    expect(second.stdout).toBe(first.stdout);
    const inspect = cli(['inspect', 'ingest', '--run-dir', runDir]);
    expect(inspect.status, inspect.stderr).toBe(0);
    expect(inspect.stdout).toContain('episodes per policy / family / budget');
    // a view declared by a stage: the boundary stage's power table (one policy here: nothing to compare)
    const power = cli(['inspect', 'power', '--run-dir', runDir]);
    expect(power.status, power.stderr).toBe(0);
    expect(power.stdout).toMatch(/^power — how large a boundary difference .* \(from the boundary stage\)/);
  });

  it('exits 2 with a readable message and no stack trace for user mistakes', () => {
    const missing = cli(['pipeline', '--tasks', join(dir, 'nope.jsonl'), '--trajectories', trajectories, '--run-dir', runDir]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the input file .*nope\.jsonl/);
    expect(missing.stderr).not.toMatch(/\bat .*\.ts:\d+/);

    const stage = cli(['inspect', 'nosuchstage', '--run-dir', runDir]);
    expect(stage.status).toBe(2);
    expect(stage.stderr).toMatch(/unknown stage "nosuchstage"[\s\S]*Known stages: .*ingest[\s\S]*Other readings: power/);

    const badConfig = join(dir, 'bad.json');
    writeFileSync(badConfig, JSON.stringify({ sede: 3 }));
    const config = cli(['pipeline', '--config', badConfig, '--trajectories', trajectories, '--run-dir', runDir]);
    expect(config.status).toBe(2);
    expect(config.stderr).toMatch(/unknown key "sede"/);

    const option = cli(['pipeline', '--no-such-option']);
    expect(option.status).toBe(2);
  });

  it('stops before the analysis with exit 2 and the list of policies when no reference can be resolved', () => {
    const twoPolicies = join(dir, 'two.jsonl');
    writeFileSync(twoPolicies, ['gpt-4.1-mini', 'gpt-4.1-nano'].map((policy) => JSON.stringify({ policy, task: 't1', sample: 0, steps: [{ type: 'answer', text: 'yes' }] })).join('\n'));
    const args = ['pipeline', '--tasks', tasks, '--trajectories', twoPolicies, '--run-dir', join(dir, 'two'), '--skip', 'report'];
    const stopped = cli(args);
    expect(stopped.status).toBe(2);
    expect(stopped.stderr).toMatch(/error: no reference policy: the data has the policies "gpt-4\.1-mini", "gpt-4\.1-nano"/);
    expect(stopped.stderr).toMatch(/Choose it with --base <policy>/);
    expect(stopped.stdout).toContain('ingest: read 2, accepted 2, rejected 0');
    expect(stopped.stdout).not.toMatch(/^passkt: /m);
  });
});
