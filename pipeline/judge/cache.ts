/**
 * The judge's on-disk cache: one JSON file per (model, prompt version, trajectory id), so a re-run asks the
 * model nothing it already answered. Files are written to a temporary name and renamed, so a crash never
 * leaves a half-written entry; an unreadable entry counts as a miss.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { JudgeVerdictSchema, type JudgeVerdict } from './schema';

let writes = 0;
const EntrySchema = z.object({ model: z.string(), prompt_version: z.string(), id: z.string(), verdict: JudgeVerdictSchema });

/** A cache of judge verdicts in one folder. */
export class JudgeCache {
  constructor(readonly dir: string) {}

  /** The file name of a key (a hash: ids may contain any character). */
  fileOf(model: string, promptVersion: string, id: string): string {
    const hash = createHash('sha256').update(JSON.stringify([model, promptVersion, id])).digest('hex');
    return join(this.dir, `${hash}.json`);
  }

  /** The cached verdict, or null on a miss (absent, unreadable, or for another key). */
  async get(model: string, promptVersion: string, id: string): Promise<JudgeVerdict | null> {
    let text: string;
    try {
      text = await readFile(this.fileOf(model, promptVersion, id), 'utf8');
    } catch {
      return null;
    }
    try {
      const entry = EntrySchema.parse(JSON.parse(text));
      return entry.model === model && entry.prompt_version === promptVersion && entry.id === id ? entry.verdict : null;
    } catch {
      return null;
    }
  }

  /** Stores a verdict. */
  async set(model: string, promptVersion: string, id: string, verdict: JudgeVerdict): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = this.fileOf(model, promptVersion, id);
    const temporary = `${file}.${process.pid}.${writes++}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ model, prompt_version: promptVersion, id, verdict })}\n`);
    await rename(temporary, file);
  }
}
