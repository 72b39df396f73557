/**
 * score: the study's surprisal experiment (Fig. 4a). Every picked episode (by default every policy's,
 * at most `samples` per policy, task and budget; `--only-correct` for successful ones, as the study)
 * is rendered as the conversation its policy saw and scored under a scoring model (by default the
 * collection's base policy; `--scorer <url>#<model>`; `sim#base` is the simulator's base). Its tokens
 * are mapped back onto the conversation and summed per segment (query, reasoning, answer; prompts and
 * tool results excluded). Writes `surprisal.csv` (mean nats per token, perplexity, task-bootstrap
 * intervals), `surprisal_diff.csv` (reasoning − query) and `surprisal_episodes.csv`. Runs only when
 * asked for (`--score`). docs/experiments.md.
 */
import { z } from 'zod';
import { surprisalTables } from '../../../analyses/experiments/surprisal-table';
import { TEMPLATE_NAMES, chatTemplate, type TemplateName } from '../../chat-protocol/templates/index';
import { baseURLs } from '../../collect/transports';
import { ConfigError } from '../../errors';
import { parseModelSpec, ModelServers, SIM_URL, type ModelSpec } from '../../experiments/model-server';
import { runCollectConfig, runSimulatorConfig } from '../../experiments/run-setup';
import { INTERVAL_LEVEL, oneOfWords, TransportParams, transportSettings, wholeNumber } from '../../experiments/settings';
import { TaskLookup, trajectoryFiles } from '../../experiments/source-trajectories';
import { redactText } from '../../io/redact';
import { SCORE_METHODS } from '../../llm/prompt-logprobs';
import { RequestBudget } from '../../llm/transport';
import { EpisodeAccount, episodesReceived } from '../../runner/episode-account';
import { BASE_FLAG, RESAMPLES_FLAG } from '../../runner/shared-flags';
import { defineStage, type CliFlag } from '../../runner/stage';
import { loadSimulatorConfig } from '../../simulate/simulator-config';
import { episodesFile } from '../../tables/episodes';
import { surprisalDiffTable, surprisalEpisodesTable, surprisalTable } from '../../tables/surprisal';
import { taskTableFile } from '../../tables/task-table';
import { SOURCE_STAGE_NAMES } from '../names';
import { EpisodePicker } from './select';
import { scoreEpisodes } from './score-episodes';
import { scoredResults } from './results';
import { inspectScore, summaryLines } from './summary';

/** Parameters of the score stage. */
export const ScoreParams = z
  .object({
    /** Run the stage (`--score`; giving `--scorer` asks for it too). */
    enabled: z.boolean().default(false),
    /** The scoring model, `<url>#<model>` (`sim#<policy>`: the simulator); default: the collection's base policy, else `sim#<base>`. */
    scorer: z.string().min(1).optional(),
    /** The environment variable holding the scorer's API key. */
    scorerKeyEnv: z.string().min(1).optional(),
    /** The policies whose episodes are scored (default: every policy). */
    policies: z.array(z.string().min(1)).min(1).optional(),
    /** Score only correct episodes (the study scores RL's successful trajectories). */
    onlyCorrect: z.boolean().default(false),
    /** At most this many episodes per (policy, task, budget), in ingest's order; 0 = all. */
    samples: z.number().int().min(0).default(8),
    /** How to ask for prompt log-probabilities: detect (chat completions with prompt_logprobs, else completions with echo), or force one. */
    method: z.enum(['auto', ...SCORE_METHODS]).default('auto'),
    /** The chat template of the completions method: auto = the simulator's for the simulator, else ChatML (Qwen2.5). */
    template: z.enum(['auto', ...TEMPLATE_NAMES]).default('auto'),
    /** The reference policy: the default scorer is its server. */
    base: z.string().min(1).default('base'),
    /** Task-bootstrap resamples of the intervals (0: none). */
    resamples: z.number().int().min(0).default(1000),
    ...TransportParams,
  })
  .strict();

type Params = z.infer<typeof ScoreParams>;

/** The command-line flags of the stage. */
export const SCORE_FLAGS: readonly CliFlag[] = [
  { flags: '--score', description: 'run the surprisal experiment (score stage, docs/experiments.md)', param: 'enabled', parse: () => true },
  { flags: '--scorer <url#model>', description: 'the scoring model, e.g. http://127.0.0.1:8000/v1#Qwen/Qwen2.5-7B-Instruct or sim#base (default: the base policy’s server)', param: 'scorer' },
  { flags: '--scorer-key-env <name>', description: 'environment variable holding the scorer’s API key', param: 'scorerKeyEnv' },
  {
    flags: '--policy <name>',
    description: 'import: the policy name of imported trajectories; score: the policies to score, comma-separated (default all)',
    param: 'policies',
    parse: (value) => (Array.isArray(value) ? value : [String(value)]).flatMap((part) => part.split(',')).map((part) => part.trim()).filter(Boolean),
  },
  { flags: '--only-correct', description: 'score only correct episodes', param: 'onlyCorrect', parse: () => true },
  { flags: '--score-samples <n>', description: 'episodes scored per (policy, task, budget) (default 8; 0 = all)', param: 'samples', parse: wholeNumber('--score-samples') },
  { flags: '--score-method <name>', description: 'auto (default), chat (prompt_logprobs) or completions (echo + logprobs)', param: 'method', parse: oneOfWords('--score-method', ['auto', ...SCORE_METHODS]) },
  { flags: '--score-template <name>', description: 'chat template of the completions method: auto (default), simulator or chatml', param: 'template', parse: oneOfWords('--score-template', ['auto', ...TEMPLATE_NAMES]) },
  BASE_FLAG,
  RESAMPLES_FLAG,
];

// The scoring model: --scorer, else the collection's base policy (its replicas, model and key), else the simulator's base.
function scorerSpec(params: Params, collect: Awaited<ReturnType<typeof runCollectConfig>>): ModelSpec {
  if (params.scorer) return { ...parseModelSpec('--scorer', params.scorer), ...(params.scorerKeyEnv ? { apiKeyEnv: params.scorerKeyEnv } : {}) };
  if (!collect) return { urls: [SIM_URL], model: params.base };
  const base = collect.policies.find((policy) => policy.name === params.base);
  if (!base) throw new ConfigError(`the collection has no policy "${params.base}" to score with.`, `Pass --scorer <url>#<model>, or --base with one of: ${collect.policies.map((p) => p.name).join(', ')}.`);
  const apiKeyEnv = params.scorerKeyEnv ?? base.apiKeyEnv;
  return { urls: baseURLs(base), model: base.model, ...(apiKeyEnv ? { apiKeyEnv } : {}) };
}

/** The score stage. */
export const scoreStage = defineStage({
  name: 'score',
  description: 'surprisal of each policy’s queries, reasoning and answers under a scoring model (on request: --score)',
  inputs: ['ingest'],
  optionalInputs: SOURCE_STAGE_NAMES,
  modes: ['analysis'],
  cliGroup: 'experiments',
  requested: (params) => params.enabled === true || params.scorer !== undefined,
  params: ScoreParams,
  cli: SCORE_FLAGS,
  inspect: inspectScore,
  async run(ctx) {
    const params: Params = ctx.params;
    const ingest = ctx.input('ingest');
    const collect = await runCollectConfig(ctx);
    const spec = scorerSpec(params, collect);
    const scorerName = redactText(`${spec.urls.join(' ')}#${spec.model}`);

    const account = new EpisodeAccount('score', episodesReceived(ingest.manifest));
    const picker = new EpisodePicker({ policies: params.policies ? new Set(params.policies) : null, onlyCorrect: params.onlyCorrect, samples: params.samples }, account);
    for await (const row of episodesFile.stream(ingest)) picker.offer(row);
    const picked = picker.picked();
    const taskRows = [];
    for await (const task of taskTableFile.stream(ingest)) taskRows.push(task);

    const simulatorPath = runSimulatorConfig(ctx, collect);
    const servers = new ModelServers(() => ({ tasks: [], policies: loadSimulatorConfig(simulatorPath).policies }), transportSettings(params), new RequestBudget(undefined), (line) => ctx.log.warn(line));
    const progress = ctx.progress('episodes scored', picked.size);
    let result;
    let model;
    try {
      model = await servers.open(spec, 'the scorer');
      const template: TemplateName = params.template !== 'auto' ? params.template : model.kind === 'simulator' ? 'simulator' : 'chatml';
      result = await scoreEpisodes({
        transport: model.transport,
        model: spec.model,
        method: params.method === 'auto' ? null : params.method,
        template: chatTemplate(template),
        topK: collect?.topK ?? null,
        concurrency: params.concurrency,
        files: trajectoryFiles(ctx),
        tasks: new TaskLookup(taskRows),
        picked,
        progress,
      });
    } finally {
      progress.stop();
      await servers.close();
    }

    // Every picked episode is scored, or left out with its reason.
    const { scored, detail } = scoredResults(picked, result.scores, result.failed, scorerName, account);
    account.check();
    if (scored.length === 0) {
      const first = [...result.failed.values()][0]?.first;
      throw new ConfigError(`score: no episode could be scored${first ? ` (${first})` : ''}.`, 'Check --policy, --only-correct and --score-samples, and that the trajectories ingest read are still there.');
    }
    const tables = surprisalTables(scored, { scorer: scorerName, resamples: params.resamples, level: INTERVAL_LEVEL, seed: ctx.seed });
    await surprisalTable.write(ctx.out, tables.rows);
    await surprisalDiffTable.write(ctx.out, tables.diffs);
    await surprisalEpisodesTable.write(ctx.out, detail);

    const method = result.method === 'chat' ? 'chat completions with prompt_logprobs' : 'completions with echo + logprobs';
    const failures = [...result.failed].map(([reason, entry]) => `score: ${entry.ids.length} episodes left out (${reason.replace(/_/g, ' ')}); the first: ${entry.first}`);
    return {
      counts: { ...account.counts(), episodes_scored: scored.length, tokens: detail.reduce((sum, r) => sum + r.query_tokens + r.reasoning_tokens + r.answer_tokens + r.excluded_tokens + r.unscored_tokens, 0) },
      summary: [`score: ${scored.length} episodes scored under ${scorerName} (${model?.kind === 'simulator' ? 'the simulator, ' : ''}${method})`, ...summaryLines(tables.rows, tables.diffs), ...failures, ...account.summary()],
      details: { scorer: scorerName, method: result.method, simulator: model?.kind === 'simulator', ...account.details() },
    };
  },
});
