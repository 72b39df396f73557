/**
 * Escaping for the HTML report. Every piece of text that reaches the page goes through `html`, a tagged
 * template that escapes each interpolated value unless it is already SafeHtml: so a query such as
 * `"><img onerror=…>` or `<script>` from a trajectory is shown as text, never parsed as markup.
 */

/** Markup that is known to be safe (built by `html` or `raw`). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML element body or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((item) => render(item)).join('');
  return escapeHtml(String(value));
}

/** Builds markup: literal parts are kept, interpolated values are escaped (arrays are joined). */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks trusted markup (our own SVG renderings, our own scripts) as safe. Never pass user text. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * Serializes data for a `<script type="application/json">` block: `<`, `>`, `&` and the JS line
 * separators are written as \u escapes, so no string in the data can close the script element.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Checks that a script body can be inlined as is: a literal `</script` or `<!--` inside it would end or
 * confuse the element. Rewriting code is unsafe (it may sit in a regex), so such a body is refused.
 */
export function inlineScript(source: string): SafeHtml {
  if (/<\/script|<!--/i.test(source)) throw new Error('a script to inline contains "</script" or "<!--"');
  return new SafeHtml(source);
}
