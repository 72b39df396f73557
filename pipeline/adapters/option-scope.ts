/**
 * `--import-option` keys: a plain key (`task=qid`) applies to every imported format that knows it; a
 * scoped key (`openai-chat.task=qid`) to that format only, and wins over the plain one.
 */
import { ConfigError } from '../errors';
import type { Adapter } from './types';

/** The options one adapter sees. */
export function optionsFor(adapter: Adapter, options: Readonly<Record<string, string>>): Record<string, string> {
  const known = new Set(adapter.options.map((spec) => spec.key));
  const own: Record<string, string> = {};
  for (const [key, value] of Object.entries(options)) if (known.has(key)) own[key] = value;
  const prefix = `${adapter.name}.`;
  for (const [key, value] of Object.entries(options)) if (key.startsWith(prefix)) own[key.slice(prefix.length)] = value;
  return own;
}

/** Refuses keys that no imported format understands, listing the ones that they do. */
export function checkOptionKeys(adapters: readonly Adapter[], options: Readonly<Record<string, string>>): void {
  for (const key of Object.keys(options)) {
    const dot = key.indexOf('.');
    const scoped = dot === -1 ? undefined : adapters.find((adapter) => adapter.name === key.slice(0, dot));
    const bare = scoped ? key.slice(dot + 1) : key;
    const candidates = scoped ? [scoped] : adapters;
    if (candidates.some((adapter) => adapter.options.some((spec) => spec.key === bare))) continue;
    const listing = adapters.map((adapter) => `${adapter.name}: ${adapter.options.map((spec) => spec.key).join(', ') || '(no options)'}`).join('; ');
    throw new ConfigError(`import option "${key}" is not understood by the imported formats.`, `Known options — ${listing}. See docs/adapters.md.`);
  }
}
