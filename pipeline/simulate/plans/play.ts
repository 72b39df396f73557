/** Dispatches a planned strategy to its family's plans. */
import type { Strategy } from '../strategies';
import { playBridge } from './bridge-plans';
import { playClosedBook } from './closed-book-plans';
import { playComparison } from './comparison-plans';
import type { PlayContext } from './play-context';

/** Plays one episode; returns the final answer (null: the episode ended without one). */
export function playEpisode(ctx: PlayContext, strategy: Strategy): string | null {
  switch (ctx.task.plans) {
    case 'bridge':
      return playBridge(ctx, strategy);
    case 'comparison':
      return playComparison(ctx, strategy);
    case 'closed-book':
      return playClosedBook(ctx, strategy);
  }
}
