/** `auto:` imports: the format of a file, from its first 64 KiB, by each adapter's signature in registry order. */
import { UserError } from '../errors';
import { ADAPTERS, adapterNames } from './registry';
import { readFileHead } from './shared/file-head';
import type { Adapter } from './types';

/** The adapter whose signature the file matches first; a UserError that lists the formats otherwise. */
export async function detectAdapter(path: string): Promise<Adapter> {
  const head = await readFileHead(path);
  const adapter = ADAPTERS.find((candidate) => candidate.sniff(head));
  if (!adapter) {
    throw new UserError(
      `could not detect the format of ${path}.`,
      `Name it instead: --import <format>:${path}, with format one of ${adapterNames().join(', ')} (see docs/adapters.md).`,
    );
  }
  return adapter;
}
