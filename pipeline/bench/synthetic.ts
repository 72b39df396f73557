/**
 * Synthetic benchmark inputs: FORMAT.md tasks and trajectories of realistic size (≈ 1–5 KB per
 * episode, retrieved documents included), generated quickly and deterministically.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createRng, type Rng } from '../../analyses/random/rng';

/** Sizes of a synthetic benchmark input. */
export interface SyntheticSpec {
  episodes: number;
  tasks: number;
  policies: readonly string[];
  budgets: readonly number[];
  seed: number;
}

const WORDS = 'harbor film director river city band album founded born released member capital northern old new first second grand royal valley'.split(' ');
const NAMES = 'Mara Voss Elian Trent Odile Brask Ivo Calder Nessa Quill Tobin Rhee Saska Lund Petra Vale'.split(' ');

function sentence(rng: Rng, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(rng.next() < 0.2 ? NAMES[rng.int(NAMES.length)]! : WORDS[rng.int(WORDS.length)]!);
  return `${out.join(' ')}.`;
}

async function writeLine(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(`${text}\n`)) await once(stream, 'drain');
}

/** Writes `tasks.jsonl` and `trajectories.jsonl`; returns their byte sizes. */
export async function writeSynthetic(spec: SyntheticSpec, tasksPath: string, trajectoriesPath: string): Promise<{ tasksBytes: number; trajectoriesBytes: number }> {
  const rng = createRng(spec.seed);
  const tasks = createWriteStream(tasksPath);
  const families = ['bridge', 'comparison', 'closed-book'];
  for (let t = 0; t < spec.tasks; t++) {
    const answer = NAMES[t % NAMES.length]!;
    await writeLine(tasks, JSON.stringify({ task: `t${t}`, question: `Who directed ${sentence(rng, 4)}`, answers: [answer], family: families[t % 3], gold_docs: [`Doc ${t}a`, `Doc ${t}b`] }));
  }
  tasks.end();
  await once(tasks, 'finish');

  const out = createWriteStream(trajectoriesPath, { highWaterMark: 1 << 20 });
  const cells = spec.policies.length * spec.tasks * spec.budgets.length;
  const samples = Math.ceil(spec.episodes / cells);
  let written = 0;
  outer: for (const policy of spec.policies) {
    for (let t = 0; t < spec.tasks; t++) {
      for (const budget of spec.budgets) {
        for (let sample = 0; sample < samples; sample++) {
          if (written++ >= spec.episodes) break outer;
          const steps: unknown[] = [{ type: 'think', text: sentence(rng, 12) }];
          const rounds = Math.min(budget, rng.int(4));
          for (let r = 0; r < rounds; r++) {
            steps.push({ type: 'call', tool: 'search', args: { query: sentence(rng, 3) }, round: r });
            const docs = [0, 1, 2].map((d) => {
              const gold = rng.next() < 0.3;
              return { id: `${t}-${r}-${d}`, title: gold ? `Doc ${t}${d % 2 ? 'b' : 'a'}` : `Other ${rng.int(1000)}`, text: sentence(rng, 40) };
            });
            steps.push({ type: 'result', tool: 'search', text: docs.map((d) => `${d.title}: ${d.text}`).join('\n'), docs });
          }
          steps.push({ type: 'answer', text: rng.next() < 0.5 ? NAMES[t % NAMES.length]! : NAMES[rng.int(NAMES.length)]! });
          await writeLine(out, JSON.stringify({ policy, task: `t${t}`, sample, budget, steps }));
        }
      }
    }
  }
  out.end();
  await once(out, 'finish');
  return { tasksBytes: tasks.bytesWritten, trajectoriesBytes: out.bytesWritten };
}
