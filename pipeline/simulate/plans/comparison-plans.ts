/**
 * Plans on comparison questions. single-shot: one search naming both entities; parallel: one search
 * per entity, issued together in one round; reformulate: reworded combined searches while a value is
 * missing. The answer compares the two years read.
 */
import type { Strategy } from '../strategies';
import { answerCut, phrase, questionCall, renderNamed, type PlayContext } from './play-context';

function decide(ctx: PlayContext): { answer: string; complete: boolean } {
  const { rec, reader, rng, policy } = ctx;
  const readings = ctx.task.terms.entities.map((name) => reader.attribute(rec.seen, name, policy.config, rng));
  return {
    answer: reader.decide(
      readings.map((r) => (r?.grounded ? r.value : null)),
      rng,
    ),
    complete: readings.every((r) => r?.grounded === true),
  };
}

/** Plays one comparison episode with a planned strategy; returns the answer (null: none). */
export function playComparison(ctx: PlayContext, strategy: Strategy): string | null {
  const { rec, reader, rng } = ctx;
  if (strategy === 'no-search') return reader.guess(rng);
  if (!rec.canSearch) return answerCut(ctx, null);

  if (strategy === 'parallel') {
    // One phrasing for both calls, as a model writes two parallel calls the same way.
    const drawn = phrase(ctx, 'parallel')!;
    rec.think('Look up both, then compare.');
    rec.round(ctx.task.terms.entities.map((entity) => questionCall(ctx, renderNamed(ctx, 'parallel', drawn.name, { Ei: entity }))));
    return decide(ctx).answer;
  }

  if (strategy === 'reformulate') {
    const used = new Set<string>();
    let state: { answer: string; complete: boolean } | null = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (state?.complete) break;
      if (!rec.canSearch) return answerCut(ctx, state?.answer ?? null);
      const drawn = phrase(ctx, 'reformulate', {}, used);
      if (!drawn) break;
      used.add(drawn.name);
      if (attempt > 0) rec.think('One of them is missing; rewording the search.');
      rec.round([questionCall(ctx, drawn.query)]);
      state = decide(ctx);
    }
    return state?.answer ?? reader.guess(rng);
  }

  rec.round([questionCall(ctx, phrase(ctx, 'single_shot')!.query)]);
  return decide(ctx).answer;
}
