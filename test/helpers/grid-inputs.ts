/**
 * Canonical tasks and trajectories for any grid of families × budgets × policies, with names of any
 * length: the inputs of the tests that run the real pipeline on awkward shapes (one family, one budget,
 * one policy; five families × five budgets; very long names). Episodes search, read results with and
 * without the gold document, sometimes search the bridge entity found in a result, and answer; success
 * rises with the budget and differs by policy, so every analysis has something to show.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../../analyses/random/rng';

/** The shape of a generated data set. */
export interface GridShape {
  families: readonly string[];
  budgets: readonly number[];
  policies: readonly string[];
  tasksPerFamily: number;
  samples: number;
  /** Prefix of every task id (a long one makes long task names). */
  taskPrefix?: string;
}

/** Paths of the written files. */
export interface GridFiles {
  tasks: string;
  trajectories: string;
  episodes: number;
}

/** Writes `tasks.jsonl` and `trajectories.jsonl` for the shape into `dir`. */
export function writeGridInputs(dir: string, shape: GridShape, seed = 'grid-inputs'): GridFiles {
  const rng = createRng(seed);
  const tasks: string[] = [];
  const trajectories: string[] = [];
  shape.families.forEach((family, f) => {
    for (let t = 0; t < shape.tasksPerFamily; t++) {
      const task = `${shape.taskPrefix ?? ''}${f}-${t}`;
      const entity = `Entity${f}x${t}`;
      const bridge = `Person${f}x${t}`;
      const answer = `Answer${f}x${t}`;
      tasks.push(JSON.stringify({ task, question: `Where was the founder of ${entity} born?`, answers: [answer], family, gold_docs: [entity, bridge] }));
      shape.policies.forEach((policy, p) => {
        for (const budget of shape.budgets) {
          for (let sample = 0; sample < shape.samples; sample++) {
            const steps: Record<string, unknown>[] = [];
            const rounds = Math.min(budget, Math.floor(rng.next() * 3));
            let foundBridge = false;
            for (let round = 0; round < rounds; round++) {
              const query = round === 0 ? `founder of ${entity}` : foundBridge ? `${bridge} birthplace` : `${entity} founder biography`;
              steps.push({ type: 'call', tool: 'search', args: { query }, round });
              const gold = rng.next() < 0.6;
              const title = round === 0 ? entity : bridge;
              const text = round === 0 ? `${entity} was founded by ${bridge}.` : `${bridge} was born in ${answer}.`;
              steps.push({ type: 'result', tool: 'search', text: gold ? text : 'Nothing relevant.', docs: gold ? [{ title, text }] : [{ title: `Other${t}`, text: 'Nothing relevant.' }] });
              if (round === 0 && gold) foundBridge = true;
            }
            const skill = 0.2 + 0.15 * p + 0.1 * Math.min(rounds, 2) - 0.05 * t;
            const correct = rng.next() < Math.max(0.05, Math.min(0.95, skill));
            steps.push({ type: 'answer', text: correct ? answer : 'unknown' });
            trajectories.push(JSON.stringify({ policy, task, sample, budget, steps }));
          }
        }
      });
    }
  });
  const files = { tasks: join(dir, 'tasks.jsonl'), trajectories: join(dir, 'trajectories.jsonl'), episodes: trajectories.length };
  writeFileSync(files.tasks, `${tasks.join('\n')}\n`);
  writeFileSync(files.trajectories, `${trajectories.join('\n')}\n`);
  return files;
}
