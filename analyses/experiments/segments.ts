/**
 * The segments of a policy's generated text that surprisal is measured on, and what scoring one
 * episode gives per segment. (The names match pipeline/chat-protocol/parts.ts, which tags the texts.)
 */

/** The segments, in table order. */
export const SURPRISAL_SEGMENTS = ['query', 'reasoning', 'answer'] as const;
/** A segment. */
export type SurprisalSegment = (typeof SURPRISAL_SEGMENTS)[number];

/** Tokens with a log-probability and their summed surprisal (nats), per segment. */
export type SegmentSums = Record<SurprisalSegment, { tokens: number; nats: number }>;
