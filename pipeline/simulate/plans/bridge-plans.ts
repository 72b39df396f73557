/**
 * Plans on bridge questions. single-shot: one search, read; sequential: search the question's entity,
 * read the bridge off its paragraph, search the bridge, read; verify: sequential, then search the
 * candidate answer and keep it unless the new paragraph states another value; reformulate: reword
 * question-only queries while the results stay unhelpful.
 */
import type { Strategy } from '../strategies';
import type { Reading } from '../readers/reader';
import { answerCut, phrase, questionCall, resultCall, type PlayContext } from './play-context';

function read(ctx: PlayContext, bridge: string | null): Reading | null {
  const { rec, reader, rng, policy } = ctx;
  const name = bridge ?? reader.bridge(rec.seen, policy.config.bridgeExtraction, rng);
  return name === null ? null : reader.attribute(rec.seen, name, policy.config, rng);
}

function lastWord(name: string): string {
  const words = name.split(/\s+/);
  return words[words.length - 1] ?? name;
}

/** Plays one bridge episode with a planned strategy; returns the answer (null: none). */
export function playBridge(ctx: PlayContext, strategy: Strategy): string | null {
  const { rec, reader, rng, policy } = ctx;
  const E = ctx.task.terms.entities[0] ?? '';
  if (strategy === 'no-search') return reader.guess(rng);
  if (!rec.canSearch) return answerCut(ctx, null);

  if (strategy === 'single-shot') {
    rec.round([questionCall(ctx, phrase(ctx, 'single_shot')!.query)]);
    return read(ctx, null)?.value ?? reader.guess(rng);
  }

  if (strategy === 'reformulate') {
    const used = new Set<string>();
    let reading: Reading | null = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt > 0 && reading?.grounded) break;
      if (!rec.canSearch) return answerCut(ctx, reading?.value ?? null);
      const drawn = phrase(ctx, 'reformulate', {}, used);
      if (!drawn) break;
      used.add(drawn.name);
      if (attempt > 0) rec.think('That did not answer it; rewording the search.');
      rec.round([questionCall(ctx, drawn.query)]);
      reading = read(ctx, null);
    }
    return reading?.value ?? reader.guess(rng);
  }

  // sequential and verify: first hop.
  rec.think(`Look up ${E} first, then search what its paragraph points to.`);
  const first = phrase(ctx, 'hop1')!;
  rec.round([questionCall(ctx, first.query)]);
  let bridge = reader.bridge(rec.seen, policy.config.bridgeExtraction, rng);
  if (bridge === null && rec.canSearch) {
    const retry = phrase(ctx, 'hop1', {}, new Set([first.name]));
    if (retry) {
      rec.round([questionCall(ctx, retry.query)]);
      bridge = reader.bridge(rec.seen, policy.config.bridgeExtraction, rng);
    }
  }
  if (bridge === null) return read(ctx, null)?.value ?? reader.guess(rng);
  rec.think(`${E} leads to ${bridge}.`);
  if (!rec.canSearch) return answerCut(ctx, read(ctx, bridge)?.value ?? null);

  // Second hop: the bridge, read in a result and absent from the question.
  rec.round([resultCall(ctx, phrase(ctx, 'hop2', { B: bridge, Blast: lastWord(bridge) })!.query)]);
  const reading = read(ctx, bridge);
  if (strategy !== 'verify' || reading === null) return reading?.value ?? reader.guess(rng);
  if (!rec.canSearch) return answerCut(ctx, reading.value);

  // Verification: search the candidate; a paragraph about the bridge stating another value may correct it.
  const candidate = reading.value;
  rec.think(`Checking that the answer is ${candidate}.`);
  const [result] = rec.round([resultCall(ctx, phrase(ctx, 'verify', { B: bridge, C: candidate })!.query, candidate)]);
  const stated = reader.stated(result!.indices, bridge);
  if (stated !== null && stated !== candidate && rng.next() < policy.config.integration) return stated;
  return candidate;
}
