// Chart geometry as it is written into SVG.

/** A position or length to a tenth of a pixel: what is drawn, without floating-point tails. */
export function tenth(n: number): number {
  return Math.round(n * 10) / 10;
}
