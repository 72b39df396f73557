/**
 * Planted truth of the surprisal experiment through the simulator server: a collection scored under the
 * simulator's base model gives, episode by episode, exactly the scoring model's numbers (computed here
 * from the conversation the policy saw, piece by piece), and RL's queries are less surprising to the
 * base model than its reasoning, with an interval that excludes no difference.
 */
import { describe, expect, it } from 'vitest';
import { renderedPieces, offeredTools } from '../../../../pipeline/llm/conversation-pieces';
import { simulatorTemplate } from '../../../../pipeline/chat-protocol/templates/simulator';
import { trajectoryConversation } from '../../../../pipeline/chat-protocol/trajectory-conversation';
import type { Segment } from '../../../../pipeline/chat-protocol/parts';
import { episodeId } from '../../../../pipeline/formats/episode-id';
import { policyLexicon } from '../../../../pipeline/serve/scoring/lexicon';
import { PieceScorer } from '../../../../pipeline/serve/scoring/scorer';
import { loadSimulatorConfig } from '../../../../pipeline/simulate/simulator-config';
import { surprisalDiffTable, surprisalEpisodesTable, surprisalTable } from '../../../../pipeline/tables/surprisal';
import { taskTableFile } from '../../../../pipeline/tables/task-table';
import { collectedRun } from '../../../helpers/collected-run';

describe('score: planted truth through the simulator server', () => {
  it('scores every episode with the scoring model’s own numbers, and finds RL’s queries more familiar to base than its reasoning', async () => {
    const run = await collectedRun({ policies: ['base', 'rl'], families: ['bridge', 'comparison'], perFamily: 10, budgets: [1, 3], samples: 4, seed: 17 }, [
      { name: 'score', params: { enabled: true, onlyCorrect: true, samples: 0, resamples: 400 } },
    ]);
    const manifest = run.outcomes.find((o) => o.stage === 'score')!.manifest;
    expect(manifest.details).toMatchObject({ scorer: 'sim#base', method: 'chat', simulator: true });
    const counts = manifest.counts;
    expect(counts.episodes_in).toBe(320);
    expect(counts.episodes_used! + counts.left_out_incorrect!).toBe(320);

    // Every episode: the scoring model's pieces of the conversation, each given the segment of its characters.
    const lexicon = policyLexicon(loadSimulatorConfig().policies.base!);
    const questions = new Map<string, string>();
    for await (const task of taskTableFile.stream(run.input('ingest'))) questions.set(task.task, task.question);
    const byId = new Map(run.trajectories.map((t) => [episodeId(undefined, t.policy, t.task, t.budget ?? null, t.sample ?? null), t]));
    const episodes = [];
    for await (const row of surprisalEpisodesTable.stream(run.input('score'))) episodes.push(row);
    expect(episodes).toHaveLength(counts.episodes_used!);
    for (const row of episodes) {
      const trajectory = byId.get(row.id)!;
      const messages = trajectoryConversation(trajectory.steps, questions.get(row.task)!, row.budget, { protocol: 'tools', topK: 3 });
      const { text, pieces } = renderedPieces(messages, simulatorTemplate, offeredTools(row.budget !== 0));
      const owner: (Segment | null)[] = pieces.flatMap((piece) => Array.from(piece.text, () => piece.segment));
      const sums = { query: [0, 0], reasoning: [0, 0], answer: [0, 0] } as Record<Segment, [number, number]>;
      let at = 0;
      for (const [i, score] of new PieceScorer(lexicon).score(text).entries()) {
        const segment = owner[at];
        at += score.token.length;
        if (segment && i > 0) {
          sums[segment][0] += 1;
          sums[segment][1] -= score.logprob;
        }
      }
      expect([row.query_tokens, row.reasoning_tokens, row.answer_tokens], row.id).toEqual([sums.query[0], sums.reasoning[0], sums.answer[0]]);
      expect(row.query_nats).toBeCloseTo(sums.query[1], 8);
      expect(row.reasoning_nats).toBeCloseTo(sums.reasoning[1], 8);
      expect(row.answer_nats).toBeCloseTo(sums.answer[1], 8);
      expect(row.correct).toBe(true);
    }

    // The tables summarise those episodes: total nats over total tokens.
    const rows = await surprisalTable.read(run.input('score'));
    const diffs = await surprisalDiffTable.read(run.input('score'));
    for (const policy of ['base', 'rl']) {
      const own = episodes.filter((e) => e.policy === policy);
      const mean = (segment: Segment) => own.reduce((s, e) => s + e[`${segment}_nats`], 0) / own.reduce((s, e) => s + e[`${segment}_tokens`], 0);
      const pooled = (segment: Segment) => rows.find((r) => r.policy === policy && r.family === 'all' && r.budget === 'all' && r.segment === segment)!;
      for (const segment of ['query', 'reasoning', 'answer'] as const) expect(pooled(segment).mean_nats).toBeCloseTo(mean(segment), 10);
      // The planted ordering: queries (copied from the question and the results) are familiar, reasoning is not.
      expect(pooled('query').ci_high!).toBeLessThan(pooled('reasoning').ci_low!);
      const diff = diffs.find((d) => d.policy === policy && d.family === 'all' && d.budget === 'all')!;
      expect(diff.difference).toBeCloseTo(mean('reasoning') - mean('query'), 10);
      expect(diff.ci_low!).toBeGreaterThan(0);
    }
  });
});
