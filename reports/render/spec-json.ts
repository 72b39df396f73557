/**
 * The text of a `<figure>.vl.json`: indented for reading, except the inline data rows, which are written
 * one row per line (a figure with thousands of points stays a readable, compact file).
 */

const PLACEHOLDER = '"__vl_data_values__"';

/** Serializes a Vega-Lite spec whose top-level `data.values` holds the figure's rows. */
export function specJson(spec: unknown): string {
  const top = spec as { data?: { values?: unknown[] } };
  const values = top.data?.values;
  if (!Array.isArray(values)) return `${JSON.stringify(spec, null, 2)}\n`;
  const text = JSON.stringify({ ...top, data: { ...top.data, values: '__vl_data_values__' } }, null, 2);
  const rows = values.length === 0 ? '[]' : `[\n${values.map((row) => `      ${JSON.stringify(row)}`).join(',\n')}\n    ]`;
  return `${text.replace(PLACEHOLDER, () => rows)}\n`;
}
