// Robust z-scores (Iglewicz & Hoaglin's modified z: 0.6745·(x − median) / MAD), per feature
// column, so a few extreme accounts cannot drag the centre and spread the way mean/sd would.

/** Median of the values (NaN for none); sorts a copy. */
export function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface RobustScale {
  centre: number;
  /** Spread in standard-deviation units; 0 when the column is constant (its z is then 0). */
  spread: number;
}

// 1/0.6745: the MAD of a normal distribution is 0.6745 σ. 1.2533 = √(π/2) does the same for the
// mean absolute deviation, the fallback when over half the values are equal (MAD = 0), which
// is common for shares such as datacenter traffic where most accounts have none.
const MAD_TO_SD = 1 / 0.6745;
const MEAN_AD_TO_SD = 1.2533;

export function robustScale(values: ArrayLike<number>): RobustScale {
  const centre = median(values);
  const deviations = Float64Array.from(values, (v) => Math.abs(v - centre));
  const mad = median(deviations);
  if (mad > 0) return { centre, spread: mad * MAD_TO_SD };
  let sum = 0;
  for (const d of deviations) sum += d;
  const meanAd = deviations.length === 0 ? 0 : sum / deviations.length;
  return { centre, spread: meanAd * MEAN_AD_TO_SD };
}

export function robustZ(value: number, scale: RobustScale): number {
  return scale.spread > 0 ? (value - scale.centre) / scale.spread : 0;
}

/** Combines per-feature |z| into one account score: the largest, or the root-mean-square. */
export function combineZ(zs: ArrayLike<number>, combine: 'max' | 'rms'): number {
  let max = 0;
  let squares = 0;
  for (let i = 0; i < zs.length; i++) {
    const z = Math.abs(zs[i]!);
    if (z > max) max = z;
    squares += z * z;
  }
  if (combine === 'max') return max;
  return zs.length === 0 ? 0 : Math.sqrt(squares / zs.length);
}
