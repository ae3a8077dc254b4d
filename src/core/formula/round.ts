/**
 * Rounds half away from zero to `digits` decimals (negative digits round to tens, hundreds…), like
 * spreadsheets and PostgreSQL's numeric ROUND. Binary floats such as 2.675 (really 2.67499…) are first
 * snapped to 15 significant digits so they round the way they are written.
 */
export function roundHalfAwayFromZero(x: number, digits: number): number {
  const sign = x < 0 ? -1 : 1;
  const magnitude = Math.abs(x);
  const scale = 10 ** Math.abs(digits);
  const scaled = digits >= 0 ? magnitude * scale : magnitude / scale;
  const snapped = scaled < 1e15 ? Number(scaled.toPrecision(15)) : scaled;
  const rounded = Math.round(snapped);
  return sign * (digits >= 0 ? rounded / scale : rounded * scale);
}
