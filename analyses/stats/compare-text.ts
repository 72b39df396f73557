/** Code-unit string order: locale-independent, so the order of every output is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Numbers in numeric order (cluster 2 before cluster 10), then other labels in code-unit order. */
export function compareNatural(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  const numeric = (text: string, value: number) => text !== '' && Number.isFinite(value);
  if (numeric(a, na) && numeric(b, nb)) return na - nb;
  return compareText(a, b);
}
