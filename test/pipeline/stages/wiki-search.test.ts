/**
 * The verifiers wiki-search logs (gpt-4.1-mini and gpt-4.1-nano as two policies, tools search_pages,
 * view_sections, read_section) through import → ingest → passkt → boundary → retrieval → label → compare.
 * Every figure is recomputed from the raw files by the few lines of code below, not copied from outputs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../pipeline/io/csv';
import { boundaryStage } from '../../../pipeline/stages/boundary/stage';
import { compareStage } from '../../../pipeline/stages/compare/stage';
import { importStage } from '../../../pipeline/stages/import/stage';
import { ingestStage } from '../../../pipeline/stages/ingest/stage';
import { labelStage } from '../../../pipeline/stages/label/stage';
import { passktStage } from '../../../pipeline/stages/passkt/stage';
import { retrievalStage } from '../../../pipeline/stages/retrieval/stage';
import { runStages, tempDir, type Captured } from '../../helpers/run-stages';
import type { StageOutcome } from '../../../pipeline/runner/run';
import { FIXTURES, fixture } from '../adapters/helpers';

const present = existsSync(FIXTURES);
if (!present) console.warn(`wiki-search end-to-end tests skipped: ${FIXTURES} is absent (the verifiers wiki-search logs live there).`);

const POLICIES = ['wiki-search-gpt-4.1-mini', 'wiki-search-gpt-4.1-nano'] as const;

type Message = { role: string; content: string | null; tool_calls?: string[] | null };
type Record_ = { example_id: number; completion: Message[]; reward: number; view_sections_calls: number; read_section_calls: number; total_tool_calls: number };

/** What the raw file says about one episode, computed here independently of the pipeline. */
interface RawEpisode {
  id: string;
  correct: boolean;
  readCalls: number;
  /** The file's own counters: view_sections_calls + read_section_calls. */
  countedReads: number;
  reading: string;
  readTargets: number;
}

function rawEpisodes(policy: string): { episodes: RawEpisode[]; toolResults: number; resultsWithDocs: number } {
  const records = readFileSync(fixture('openai-chat', `${policy}.jsonl`), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record_);
  let toolResults = 0;
  let resultsWithDocs = 0;
  const episodes = records.map((record) => {
    const calls = record.completion.flatMap((m) => (m.tool_calls ?? []).map((c) => (JSON.parse(c) as { function: { name: string; arguments: string } }).function));
    const reads = calls.filter((c) => c.name === 'view_sections' || c.name === 'read_section');
    const targets = new Set(reads.map((c) => `${c.name} ${JSON.stringify(JSON.parse(c.arguments))}`));
    for (const m of record.completion.filter((m) => m.role === 'tool')) {
      toolResults += 1;
      // search_pages prints a Python list of {'page_id': …, 'title': …} dicts.
      if (/^\[\{'page_id': /.test(m.content ?? '')) resultsWithDocs += 1;
    }
    const reading = targets.size === 0 ? 'none' : targets.size <= 2 ? 'brief' : 'deep';
    const countedReads = record.view_sections_calls + record.read_section_calls;
    return { id: `${policy}/${record.example_id}/uncapped/#0`, correct: record.reward === 1, readCalls: reads.length, countedReads, reading, readTargets: targets.size };
  });
  return { episodes, toolResults, resultsWithDocs };
}

describe.skipIf(!present)('verifiers wiki-search, gpt-4.1-mini vs gpt-4.1-nano', () => {
  let outcomes: StageOutcome[];
  let captured: Captured;
  const dir = (stage: string) => outcomes.find((o) => o.stage === stage)!.dir;
  const csv = (stage: string, file: string) => parseCsv(readFileSync(join(dir(stage), file), 'utf8'));
  let raw: Record<string, ReturnType<typeof rawEpisodes>>;

  beforeAll(async () => {
    raw = Object.fromEntries(POLICIES.map((policy) => [policy, rawEpisodes(policy)]));
    const base = 'wiki-search-gpt-4.1-nano';
    const plan = {
      stages: [
        { name: 'import', params: { imports: POLICIES.map((policy) => `openai-chat:${fixture('openai-chat', `${policy}.jsonl`)}`) } },
        { name: 'ingest', params: {} },
        { name: 'passkt', params: { resamples: 20, base } },
        { name: 'boundary', params: { resamples: 20, base } },
        { name: 'retrieval', params: {} },
        { name: 'label', params: { resamples: 0, base } },
        { name: 'compare', params: { resamples: 20, base } },
      ],
      settings: { seed: 5, strict: false },
    };
    ({ outcomes, captured } = await runStages([importStage, ingestStage, passktStage, boundaryStage, retrievalStage, labelStage, compareStage], plan, tempDir('wiki-search-')));
  }, 60_000);

  it('counts the tool results that carry documents per file (search_pages lists of pages)', () => {
    for (const policy of POLICIES) {
      const { toolResults, resultsWithDocs } = raw[policy]!;
      expect(resultsWithDocs).toBeGreaterThan(0);
      expect(captured.out).toContainEqual(expect.stringMatching(new RegExp(`\\[${policy}\\]: read 100, converted 100, rejected 0; \\d+/100 correct .*; ${resultsWithDocs} of ${toolResults} tool results carry documents$`)));
    }
    expect(captured.out).toContain(
      '  fields: task ← example_id; sample ← none: ingest numbers the episodes of each (policy, task) by arrival; budget ← none: uncapped, reported as budget = all; correct ← reward >= 1; policy ← file name "wiki-search-gpt-4.1-mini"',
    );
  });

  it('gives every episode the reading depth of its distinct read targets, beside the primary label on search calls', () => {
    const labels = new Map(csv('label', 'labels.csv').map((row) => [row.id, row]));
    expect(labels.size).toBe(200);
    for (const policy of POLICIES) {
      for (const episode of raw[policy]!.episodes) {
        const row = labels.get(episode.id)!;
        expect([row.reading, Number(row.read_targets), row.correct === 'true']).toEqual([episode.reading, episode.readTargets, episode.correct]);
      }
    }
    const features = readFileSync(join(dir('label'), 'features.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id: string; read_calls: number });
    const episodes = new Map(POLICIES.flatMap((policy) => raw[policy]!.episodes.map((e) => [e.id, e] as const)));
    // Read calls per episode: the messages, the file's own counters and the label stage agree.
    for (const f of features) expect([f.read_calls, episodes.get(f.id)!.countedReads]).toEqual([episodes.get(f.id)!.readCalls, episodes.get(f.id)!.readCalls]);
    const roles = outcomes.find((o) => o.stage === 'label')!.manifest.details['tool_roles'] as { roles: Record<string, Record<string, number>>; other_tools: string[] };
    expect(Object.keys(roles.roles.read!).sort()).toEqual(['read_section', 'view_sections']);
    expect(Object.keys(roles.roles.search!)).toEqual(['search_pages']);
    expect(roles.other_tools).toEqual([]);
  });

  it('compares label/reading strategies, so reading depth tells the policies apart', () => {
    const frequencies = csv('compare', 'compare_frequencies.csv').filter((row) => row.scheme === 'label');
    expect(frequencies.length).toBeGreaterThan(0);
    expect(frequencies.every((row) => /^[a-z-]+\/(none|brief|deep)$/.test(row.strategy!))).toBe(true);
    // policy_a is the compared policy (mini), policy_b the reference (nano): one sign convention in every file.
    for (const [policy, column] of [['wiki-search-gpt-4.1-mini', 'count_a'], ['wiki-search-gpt-4.1-nano', 'count_b']] as const) {
      for (const depth of ['none', 'brief', 'deep']) {
        const counted = frequencies.filter((row) => row.strategy!.endsWith(`/${depth}`)).reduce((sum, row) => sum + Number(row[column]), 0);
        expect(counted).toBe(raw[policy]!.episodes.filter((e) => e.reading === depth).length);
      }
    }
    expect(captured.out).toContain('compare: strategies are label/reading (e.g. single-shot/deep) in all, T=all, where episodes read what they found');
  });

  it('reports what the data has: uncapped (budget = all), one sample per task, so the boundary is only pass@1', () => {
    const pass = csv('passkt', 'passkt.csv').filter((row) => row.budget === 'all' && row.k === '1');
    for (const policy of POLICIES) {
      const correct = raw[policy]!.episodes.filter((e) => e.correct).length;
      expect(Number(pass.find((row) => row.policy === policy)!.pass)).toBeCloseTo(correct / 100, 12);
    }
    expect(captured.out.filter((line) => line.startsWith('passkt: all T='))).toHaveLength(3);
    expect(captured.out.filter((line) => line.startsWith('passkt: all T=')).every((line) => line.startsWith('passkt: all T=all '))).toBe(true);
    const verdict = captured.out.find((line) => line.startsWith('boundary: all, T=all:'))!;
    expect(verdict).toMatch(/With n = 1 sample per task this boundary is only pass@1/);
  });
});
