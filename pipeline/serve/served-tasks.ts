/**
 * What the simulator server serves: its policies (model names) and the tasks it knows, found by their
 * question as a model would "know" a question of its world. Per task it keeps the reader (the world's
 * facts for generated tasks, text heuristics otherwise) and the corpus; per (model, temperature, top_p)
 * the sampling-shaped policy.
 */
import { SearchTool } from '../environment/search/search-tool';
import type { SimTask } from '../environment/tasks/sim-task';
import type { World } from '../environment/world/entities';
import { compilePolicy, type CompiledPolicy } from '../simulate/compiled-policy';
import type { PolicyConfig } from '../simulate/policy-config';
import type { Reader } from '../simulate/readers/reader';
import { readerFor } from '../simulate/simulate-episodes';
import { shapePolicy, type Sampling } from './sampling';
import { policyLexicon, type Lexicon } from './scoring/lexicon';

/** The tasks and policies a simulator server answers for. */
export interface ServedSetup {
  tasks: readonly SimTask[];
  /** The world of generated tasks (absent for tasks read from files). */
  world?: World;
  /** Model name → simulated policy. */
  policies: Readonly<Record<string, PolicyConfig>>;
}

/** A task with what answering about it needs. */
export interface ServedTask {
  task: SimTask;
  reader: Reader;
  /** The corpus (its BM25 index is never queried: searches are answered from the conversation). */
  tool: SearchTool;
}

const SHAPED_CACHE_LIMIT = 256;

function questionKey(question: string): string {
  return question.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Lookups over a served setup; built once per server. */
export class ServedTasks {
  private readonly byQuestion = new Map<string, number>();
  private readonly served = new Map<number, ServedTask>();
  private readonly shaped = new Map<string, CompiledPolicy>();
  private readonly lexicons = new Map<string, Lexicon>();

  constructor(readonly setup: ServedSetup) {
    // The first task with a question wins: a question asked twice is one task to the model.
    setup.tasks.forEach((task, index) => {
      const key = questionKey(task.row.question);
      if (!this.byQuestion.has(key)) this.byQuestion.set(key, index);
    });
  }

  /** The model names (policy names), in config order. */
  models(): string[] {
    return Object.keys(this.setup.policies);
  }

  /** The task a question belongs to, or undefined. */
  find(question: string): ServedTask | undefined {
    const index = this.byQuestion.get(questionKey(question));
    if (index === undefined) return undefined;
    let served = this.served.get(index);
    if (!served) {
      const task = this.setup.tasks[index]!;
      served = { task, reader: readerFor(task, this.setup.world), tool: new SearchTool(task.row.docs) };
      this.served.set(index, served);
    }
    return served;
  }

  /** The policy behind a model name as sampled with these parameters (undefined for an unknown model). */
  policy(model: string, sampling: Sampling): CompiledPolicy | undefined {
    const config = this.setup.policies[model];
    if (!config) return undefined;
    const key = `${model}|${sampling.temperature}|${sampling.topP}`;
    let compiled = this.shaped.get(key);
    if (!compiled) {
      if (this.shaped.size >= SHAPED_CACHE_LIMIT) this.shaped.clear();
      compiled = compilePolicy(model, shapePolicy(config, sampling));
      this.shaped.set(key, compiled);
    }
    return compiled;
  }

  /** The scoring model's lexicon of a model (its policy at temperature 1). */
  lexicon(model: string): Lexicon {
    let lexicon = this.lexicons.get(model);
    if (!lexicon) this.lexicons.set(model, (lexicon = policyLexicon(this.setup.policies[model]!)));
    return lexicon;
  }
}
