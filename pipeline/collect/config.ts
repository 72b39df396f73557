/**
 * The collect config file (`npm run collect -- --config collect.json`), validated with zod; every key
 * is documented in docs/collect.md. Relative paths are relative to the current folder.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../errors';
import { describeIssues, readJsonFile } from '../io/read-json-file';
import { PROTOCOLS } from '../chat-protocol/prompts';
import { HOTPOTQA_PREFIX, TaskSourceSchema, type TaskSourceSpec } from '../task-source/task-source';

/** The baseURL that starts the simulator server in-process. */
export const SIM_BASE_URL = 'sim';

/** Request fields the collector sets itself; `extra` may not override them. */
const RESERVED = ['model', 'messages', 'tools', 'tool_choice', 'stream', 'stream_options', 'n', 'seed', 'temperature', 'top_p', 'max_tokens'];

/** One policy: which model at which server(s), how it acts, how it samples. */
export const PolicySchema = z
  .object({
    /** The policy name in trajectories (`base`, `rl`, a checkpoint name). */
    name: z.string().min(1),
    /** The server's OpenAI base URL (ending in /v1), several for replicas used round-robin, or "sim". */
    baseURL: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    /** The model name the server knows. */
    model: z.string().min(1),
    /** The environment variable holding the API key (never the key itself); local servers need none. */
    apiKeyEnv: z.string().min(1).optional(),
    /** Native tool calls, or Search-R1 tags in the text. */
    protocol: z.enum(PROTOCOLS).default('tools'),
    temperature: z.number().min(0).max(2).default(1),
    top_p: z.number().gt(0).max(1).default(1),
    /** Completion tokens per model turn. */
    max_tokens: z.number().int().positive().default(512),
    /** The policy's own base seed (default: the config's seed); null sends no seed. */
    seed: z.number().int().nullable().optional(),
    /** Stream responses (SSE). */
    stream: z.boolean().default(false),
    /** Other request fields, sent as they are (e.g. vLLM's top_k, chat_template_kwargs). */
    extra: z
      .record(z.string(), z.unknown())
      .default({})
      .refine((extra) => !Object.keys(extra).some((key) => RESERVED.includes(key)), {
        message: `extra may not set ${RESERVED.join(', ')} (they have their own keys or are set by the collector)`,
      }),
  })
  .strict();

/** A policy's settings. */
export type PolicySettings = z.infer<typeof PolicySchema>;

/** The whole config. */
export const CollectConfigSchema = z
  .object({
    $comment: z.string().optional(),
    policies: z
      .array(PolicySchema)
      .min(1)
      .refine((policies) => new Set(policies.map((p) => p.name)).size === policies.length, { message: 'policy names must be unique' }),
    /** The tasks (see pipeline/task-source): the built-in world by default. */
    tasks: TaskSourceSchema,
    /** Paragraphs per search. */
    topK: z.number().int().positive().default(3),
    /** Budgets T: tool-call rounds allowed per episode. */
    budgets: z.array(z.number().int().min(0)).min(1).default([0, 1, 2, 3, 5]),
    /** Episodes per (policy, task, budget). */
    samples: z.number().int().positive().default(8),
    /** Base seed: each episode's request seed is derived from it (policy, task, budget, sample). */
    seed: z.number().int().default(20260425),
    /** Model turns beyond T + 1 allowed for correcting invalid actions (the episode's step limit is T + 1 + extraSteps). */
    extraSteps: z.number().int().min(0).default(2),
    /** Requests in flight at once (over all policies). */
    concurrency: z.number().int().positive().max(4096).default(16),
    /** Stop after this many requests (retries included); the same command resumes. */
    maxRequests: z.number().int().positive().optional(),
    /** Per-request timeout (a streamed response must finish within it too). */
    timeoutMs: z.number().int().positive().default(120_000),
    /** Retries per request after the first attempt (429, 5xx, timeouts, dropped or truncated responses). */
    retries: z.number().int().min(0).default(6),
    retryBaseMs: z.number().int().min(0).default(1000),
    retryMaxMs: z.number().int().min(0).default(60_000),
    /** Stop the run after this many episodes failed (a server that keeps failing is not worth hammering). */
    maxFailures: z.number().int().positive().default(20),
    /** The simulator config used by "sim" policies and the built-in world (default data/simulator.config.json). */
    simulatorConfig: z.string().min(1).optional(),
    /** The output folder (default runs/collect); --out wins. */
    out: z.string().min(1).optional(),
  })
  .strict();

/** A validated collect config. */
export type CollectConfig = z.infer<typeof CollectConfigSchema>;

/** The output folder when neither --out nor the config names one. */
export const DEFAULT_COLLECT_OUT = 'runs/collect';

/** Reads and validates a collect config file. */
export function readCollectConfig(path: string): CollectConfig {
  const raw = readJsonFile(path, 'the collect config', 'Check the path given to --config / --collect.');
  return parseCollectConfig(raw, path);
}

/** Validates a parsed collect config; mistakes name the key. */
export function parseCollectConfig(raw: unknown, source: string): CollectConfig {
  const parsed = CollectConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ConfigError(`the collect config ${source} is invalid: ${describeIssues(parsed.error.issues)}.`, 'See docs/collect.md for every key, and data/examples/collect-sim.json for an example.');
}

/** The config with every file path made absolute (relative paths are relative to the current folder), so another stage can use it from anywhere. */
export function withAbsolutePaths(config: CollectConfig, outDir: string): CollectConfig {
  const file = (path: string) => (path.startsWith(HOTPOTQA_PREFIX) ? `${HOTPOTQA_PREFIX}${resolve(path.slice(HOTPOTQA_PREFIX.length))}` : resolve(path));
  const one = (spec: Exclude<TaskSourceSpec, unknown[]>): Exclude<TaskSourceSpec, unknown[]> =>
    typeof spec === 'string' ? file(spec) : spec.file === undefined ? spec : { ...spec, file: file(spec.file) };
  return {
    ...config,
    tasks: Array.isArray(config.tasks) ? config.tasks.map(one) : one(config.tasks),
    ...(config.simulatorConfig !== undefined ? { simulatorConfig: resolve(config.simulatorConfig) } : {}),
    out: resolve(outDir),
  };
}

/** The fields every chat request of a policy carries: its extra fields, the model, the messages, its sampling parameters, and the seed when there is one. */
export function policyRequest(policy: PolicySettings, messages: readonly unknown[], seed: number | undefined): Record<string, unknown> {
  return {
    ...policy.extra,
    model: policy.model,
    messages,
    temperature: policy.temperature,
    top_p: policy.top_p,
    max_tokens: policy.max_tokens,
    ...(seed !== undefined ? { seed } : {}),
  };
}
