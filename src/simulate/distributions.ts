// Explicit distributions as written in scenario files, compiled once into samplers so the
// hot loop never re-reads the JSON shape.
import type { Rng } from './rng.ts';
import { WeightedTable } from './rng.ts';

/** A number drawn per use: exactly one of const/uniform/lognormal/exp/poisson/choice, then clamps. */
export interface DistSpec {
  const?: number;
  /** [low, high] */
  uniform?: number[];
  /** [median, sigma of the underlying normal] */
  lognormal?: number[];
  exp?: number;
  poisson?: number;
  choice?: Record<string, number>;
  min?: number;
  max?: number;
  int?: boolean;
}

export type Sampler = (rng: Rng) => number;

const KINDS = ['const', 'uniform', 'lognormal', 'exp', 'poisson', 'choice'] as const;

/** Returns a reason when a spec names no kind or several, else null. */
export function distProblem(spec: DistSpec): string | null {
  const named = KINDS.filter((k) => spec[k] !== undefined);
  if (named.length !== 1) return `must name exactly one of ${KINDS.join(', ')} (found ${named.length})`;
  if (spec.uniform && (spec.uniform[0] as number) > (spec.uniform[1] as number))
    return 'uniform bounds must be [low, high]';
  if (spec.choice) {
    const keys = Object.keys(spec.choice);
    if (keys.length === 0) return 'choice needs at least one value';
    if (keys.some((k) => Number.isNaN(Number(k)))) return 'choice keys must be numbers';
  }
  return null;
}

function base(spec: DistSpec): Sampler {
  if (spec.const !== undefined) {
    const v = spec.const;
    return () => v;
  }
  if (spec.uniform) {
    const [lo, hi] = spec.uniform as [number, number];
    return (rng) => lo + rng.next() * (hi - lo);
  }
  if (spec.lognormal) {
    const [median, sigma] = spec.lognormal as [number, number];
    return (rng) => rng.lognormal(median, sigma);
  }
  if (spec.exp !== undefined) {
    const mean = spec.exp;
    return (rng) => rng.exp(mean);
  }
  if (spec.poisson !== undefined) {
    const mean = spec.poisson;
    return (rng) => rng.poisson(mean);
  }
  if (spec.choice) {
    const table = new WeightedTable(Object.entries(spec.choice).map(([k, w]) => [Number(k), w] as const));
    return (rng) => table.pick(rng);
  }
  throw new Error('distribution names no kind');
}

export function compileDist(spec: DistSpec): Sampler {
  const draw = base(spec);
  const lo = spec.min ?? Number.NEGATIVE_INFINITY;
  const hi = spec.max ?? Number.POSITIVE_INFINITY;
  const round = spec.int === true;
  if (!round && spec.min === undefined && spec.max === undefined) return draw;
  return (rng) => {
    let v = draw(rng);
    if (round) v = Math.round(v);
    return v < lo ? lo : Math.min(v, hi);
  };
}

/** Expected value, estimated by sampling: exact forms are not worth it for clamped shapes. */
export function meanOf(spec: DistSpec, rng: Rng, samples = 4000): number {
  const draw = compileDist(spec);
  let sum = 0;
  for (let i = 0; i < samples; i++) sum += draw(rng);
  return sum / samples;
}

/** Compiles `{"value": weight}` maps into a weighted picker over the keys. */
export function compileChoice(weights: Record<string, number>): WeightedTable<string> {
  return new WeightedTable(Object.entries(weights));
}
