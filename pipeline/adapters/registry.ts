/**
 * Adapters by name. The order is the detection priority of `auto:` (the most specific signatures
 * first: a chat log that happens to contain a `<search>` tag is still a chat log only if no tagged
 * format claims it first, so tagged formats come before the generic chat one).
 */
import { ConfigError } from '../errors';
import { fireactAdapter } from './fireact';
import { inspectAdapter } from './inspect';
import { openaiChatAdapter } from './openai-chat';
import { r1SearcherAdapter } from './r1-searcher';
import { reactTextAdapter } from './react-text';
import { searchR1Adapter } from './search-r1';
import type { Adapter, AdapterName } from './types';

/** Every adapter, in detection order. */
export const ADAPTERS: readonly Adapter[] = registerAll([
  inspectAdapter,
  fireactAdapter,
  r1SearcherAdapter,
  searchR1Adapter,
  reactTextAdapter,
  openaiChatAdapter,
]);

function registerAll(adapters: readonly Adapter[]): readonly Adapter[] {
  const names = new Set<string>();
  for (const adapter of adapters) {
    if (names.has(adapter.name)) throw new Error(`two adapters are named "${adapter.name}"`);
    names.add(adapter.name);
  }
  return adapters;
}

/** The registered adapter names. */
export function adapterNames(): AdapterName[] {
  return ADAPTERS.map((adapter) => adapter.name);
}

/** The adapter with this name; a ConfigError listing the known names otherwise. */
export function getAdapter(name: string): Adapter {
  const adapter = ADAPTERS.find((candidate) => candidate.name === name);
  if (!adapter) throw new ConfigError(`unknown import format "${name}".`, `Known formats: ${adapterNames().join(', ')}, or auto to detect.`);
  return adapter;
}
