/** The `q`-quantile (0..1) of `values` by the nearest-rank method; 0 for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

/** Rounds a duration for reports: 0.1 ms precision. */
export function ms(value: number): number {
  return Math.round(value * 10) / 10;
}
