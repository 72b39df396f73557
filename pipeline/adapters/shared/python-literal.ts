/**
 * A reader for Python literals — what `str()` of a list or dict prints, and what Python agent
 * frameworks often put in tool messages (verifiers: `[{'page_id': 'x', 'title': 'X'}]`): lists, tuples,
 * dicts, strings in either quote with escapes, numbers, True, False, None. Nothing is evaluated.
 */

/** The value of a Python literal, or undefined when the text is not exactly one literal. */
export function parsePythonLiteral(text: string): unknown {
  const reader = new Reader(text);
  try {
    const value = reader.value();
    reader.space();
    return reader.done() ? value : undefined;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v' };
const WORDS: Record<string, unknown> = { True: true, False: false, None: null };
// Deeper nesting than any tool result needs: it bounds the recursion on hostile input.
const MAX_DEPTH = 64;

class Reader {
  private at = 0;
  private depth = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at === this.text.length;
  }

  space(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at += 1;
  }

  value(): unknown {
    this.space();
    const c = this.text[this.at];
    if (c === '[' || c === '(') return this.sequence(c === '[' ? ']' : ')');
    if (c === '{') return this.dict();
    if (c === "'" || c === '"') return this.string();
    const word = /^(True|False|None)\b/.exec(this.text.slice(this.at, this.at + 6));
    if (word) {
      this.at += word[1]!.length;
      return WORDS[word[1]!];
    }
    const number = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(this.text.slice(this.at, this.at + 64));
    if (number) {
      this.at += number[0].length;
      return Number(number[0]);
    }
    throw new SyntaxError(`unexpected ${c === undefined ? 'end' : `"${c}"`} at ${this.at}`);
  }

  private nested<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new SyntaxError('nested too deeply');
    const value = read();
    this.depth -= 1;
    return value;
  }

  private sequence(close: string): unknown[] {
    return this.nested(() => {
      this.at += 1;
      const items: unknown[] = [];
      for (;;) {
        this.space();
        if (this.text[this.at] === close) break;
        items.push(this.value());
        this.space();
        if (this.text[this.at] === ',') this.at += 1;
        else if (this.text[this.at] !== close) throw new SyntaxError(`expected "," or "${close}" at ${this.at}`);
      }
      this.at += 1;
      return items;
    });
  }

  private dict(): Record<string, unknown> {
    return this.nested(() => {
      this.at += 1;
      const entries: Record<string, unknown> = {};
      for (;;) {
        this.space();
        if (this.text[this.at] === '}') break;
        const key = this.value();
        this.space();
        if (this.text[this.at] !== ':') throw new SyntaxError(`expected ":" at ${this.at}`);
        this.at += 1;
        entries[String(key)] = this.value();
        this.space();
        if (this.text[this.at] === ',') this.at += 1;
        else if (this.text[this.at] !== '}') throw new SyntaxError(`expected "," or "}" at ${this.at}`);
      }
      this.at += 1;
      return entries;
    });
  }

  private string(): string {
    const quote = this.text[this.at]!;
    this.at += 1;
    let out = '';
    for (;;) {
      const c = this.text[this.at];
      if (c === undefined) throw new SyntaxError('unterminated string');
      this.at += 1;
      if (c === quote) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const next = this.text[this.at];
      if (next === undefined) throw new SyntaxError('unterminated string');
      const hex = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
      if (hex > 0) {
        const digits = this.text.slice(this.at + 1, this.at + 1 + hex);
        const code = parseInt(digits, 16);
        if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex || code > 0x10ffff) throw new SyntaxError(`bad \\${next} escape at ${this.at}`);
        out += String.fromCodePoint(code);
        this.at += 1 + hex;
      } else {
        // Python keeps an unknown escape as written (backslash included).
        out += ESCAPES[next] ?? `\\${next}`;
        this.at += 1;
      }
    }
  }
}
