// Groups template fingerprints into clusters as traffic streams past: LSH buckets find candidate
// clusters in time independent of how many exist, and a cap with least-recently-used eviction bounds memory.
import { BANDS, bandHashes, SKETCH_SLOTS } from './fingerprint.ts';

export interface TemplateIndexOptions {
  /** Clusters kept; the least recently matched one is evicted past this. Default 50,000. */
  maxClusters?: number;
  /** Estimated Jaccard similarity at or above which a fingerprint joins a cluster. Default 0.25. */
  threshold?: number;
  /** Distinct fingerprints kept per cluster to match paraphrases against. Default 4. */
  maxExemplars?: number;
  /** Prompts with fewer tokens give noisy sketches, so they need `shortThreshold` to join. Default 10. */
  minFuzzyTokens?: number;
  /** Similarity needed by a short prompt. Default 0.6. */
  shortThreshold?: number;
}

export interface TemplateInput {
  templateId: string | null;
  /** Accepted for compatibility and ignored: the index derives its band keys from `sketch`. */
  bands?: readonly string[];
  sketch?: Uint16Array;
  /** Tokens behind the sketch; without it the sketch is trusted. */
  tokens?: number;
}

export interface TemplateMatch {
  /** Stable cluster id: the templateId of the first fingerprint that founded the cluster. */
  clusterId: string;
  /** Estimated similarity to the closest exemplar (1 for an exact skeleton match or a new cluster). */
  similarity: number;
  created: boolean;
}

interface Cluster {
  id: string;
  /** Exemplar sketches packed two slots per 32-bit word, so a comparison reads 32 words. */
  exemplars: Uint32Array[];
  /** Band keys (band × 2^32 + band hash) under which this cluster is listed. */
  bands: number[];
  exactIds: string[];
  requests: number;
  /** The assign call that last visited this cluster as a candidate, so each is verified once. */
  visit: number;
  /** Bands this cluster shared with the fingerprint being assigned, during that call. */
  hits: number;
}

const MAX_EXACT_IDS = 8;
/** Candidate clusters verified per assign, those sharing the most bands. */
const VERIFIED_CANDIDATES = 4;
/** Below this many tokens a sketch is all noise: only the exact skeleton id can match. */
const MIN_SKETCH_TOKENS = 4;
const MAX_BUCKET = 4;
/** An exemplar is added only when it differs enough from those held, so exemplars spread the cluster. */
const NEW_EXEMPLAR_BELOW = 0.8;
const PACKED_WORDS = SKETCH_SLOTS / 2;
const BAND_SCALE = 2 ** 32;
/**
 * Buckets live in one Map per band and per top two bits of the band hash, keyed by the low 30 bits:
 * small-integer keys are hashed without allocating, far cheaper than string or double keys.
 */
const MAPS_PER_BAND = 4;

function pack(sketch: Uint16Array): Uint32Array {
  const packed = new Uint32Array(PACKED_WORDS);
  for (let i = 0; i < PACKED_WORDS; i++) {
    packed[i] = ((sketch[2 * i] as number) | ((sketch[2 * i + 1] as number) << 16)) >>> 0;
  }
  return packed;
}

/** Equal slots of two packed sketches (sketchSimilarity × SKETCH_SLOTS). */
function equalSlots(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < PACKED_WORDS; i++) {
    const x = (a[i] as number) ^ (b[i] as number);
    if ((x & 0xffff) === 0) same++;
    if (x >>> 16 === 0) same++;
  }
  return same;
}

export class TemplateIndex {
  private readonly clusters = new Map<string, Cluster>();
  /** Band hash -> the clusters listed under it (at most MAX_BUCKET), split as MAPS_PER_BAND says. */
  private readonly buckets = Array.from(
    { length: BANDS * MAPS_PER_BAND },
    () => new Map<number, Cluster[]>(),
  );
  private readonly exact = new Map<string, string>();
  private readonly maxClusters: number;
  private readonly threshold: number;
  private readonly maxExemplars: number;
  private readonly minFuzzyTokens: number;
  private readonly shortThreshold: number;
  private evictedCount = 0;
  private visits = 0;

  constructor(options: TemplateIndexOptions = {}) {
    this.maxClusters = options.maxClusters ?? 50_000;
    this.threshold = options.threshold ?? 0.25;
    this.maxExemplars = options.maxExemplars ?? 4;
    this.minFuzzyTokens = options.minFuzzyTokens ?? 10;
    this.shortThreshold = options.shortThreshold ?? 0.6;
  }

  get size(): number {
    return this.clusters.size;
  }

  get evicted(): number {
    return this.evictedCount;
  }

  /** Returns the cluster of this fingerprint, creating one when nothing similar is held; null without one. */
  assign(input: TemplateInput): TemplateMatch | null {
    const { templateId, sketch } = input;
    if (templateId === null) return null;
    const exactCluster = this.exact.get(templateId);
    if (exactCluster !== undefined) {
      const cluster = this.touch(exactCluster);
      if (cluster) return { clusterId: cluster.id, similarity: 1, created: false };
    }
    if (!sketch || (input.tokens !== undefined && input.tokens < MIN_SKETCH_TOKENS)) {
      return this.joinOrCreate(templateId, null, null);
    }
    const short = input.tokens !== undefined && input.tokens < this.minFuzzyTokens;
    const threshold = short ? Math.max(this.shortThreshold, this.threshold) : this.threshold;
    const bands = bandHashes(sketch);
    const packed = pack(sketch);
    // Candidates are ranked by how many bands they share (LSH: more shared bands, more alike)
    // and only the best few are verified exemplar by exemplar: a popular bucket then costs a
    // count, not 32-word comparisons against every cluster in it.
    const visit = ++this.visits;
    const candidates: Cluster[] = [];
    for (let band = 0; band < BANDS; band++) {
      const bucket = this.bucket(band, bands[band] as number);
      if (!bucket) continue;
      for (const cluster of bucket) {
        if (cluster.visit === visit) {
          cluster.hits += 1;
        } else {
          cluster.visit = visit;
          cluster.hits = 1;
          candidates.push(cluster);
        }
      }
    }
    if (candidates.length > VERIFIED_CANDIDATES) {
      // Stable: ties keep band order, so results stay deterministic.
      candidates.sort((a, b) => b.hits - a.hits);
      candidates.length = VERIFIED_CANDIDATES;
    }
    let best: Cluster | null = null;
    let bestSame = -1;
    for (const cluster of candidates) {
      for (const exemplar of cluster.exemplars) {
        const same = equalSlots(packed, exemplar);
        if (same > bestSame) {
          bestSame = same;
          best = cluster;
        }
      }
    }
    const bestSimilarity = bestSame / SKETCH_SLOTS;
    if (best && bestSimilarity >= threshold) {
      this.touch(best.id);
      best.requests++;
      if (best.exactIds.length < MAX_EXACT_IDS && !this.exact.has(templateId)) {
        best.exactIds.push(templateId);
        this.exact.set(templateId, best.id);
      }
      if (bestSimilarity < NEW_EXEMPLAR_BELOW && best.exemplars.length < this.maxExemplars) {
        best.exemplars.push(packed);
        this.index(best, bands);
      }
      return { clusterId: best.id, similarity: bestSimilarity, created: false };
    }
    return this.joinOrCreate(templateId, packed, bands);
  }

  private joinOrCreate(
    templateId: string,
    packed: Uint32Array | null,
    bands: Uint32Array | null,
  ): TemplateMatch {
    const existing = this.touch(templateId);
    if (existing) {
      existing.requests++;
      return { clusterId: existing.id, similarity: 1, created: false };
    }
    const cluster: Cluster = {
      id: templateId,
      exemplars: packed ? [packed] : [],
      bands: [],
      exactIds: [templateId],
      requests: 1,
      visit: 0,
      hits: 0,
    };
    this.clusters.set(templateId, cluster);
    this.exact.set(templateId, templateId);
    if (bands) this.index(cluster, bands);
    while (this.clusters.size > this.maxClusters) this.evictOldest();
    return { clusterId: templateId, similarity: 1, created: true };
  }

  private bucket(band: number, hash: number): Cluster[] | undefined {
    return this.buckets[band * MAPS_PER_BAND + (hash >>> 30)]?.get(hash & 0x3fffffff);
  }

  private index(cluster: Cluster, bands: Uint32Array): void {
    for (let band = 0; band < BANDS; band++) {
      const hash = bands[band] as number;
      const bucket = this.bucket(band, hash);
      if (!bucket) this.buckets[band * MAPS_PER_BAND + (hash >>> 30)]?.set(hash & 0x3fffffff, [cluster]);
      else if (!bucket.includes(cluster)) {
        if (bucket.length >= MAX_BUCKET) continue;
        bucket.push(cluster);
      } else continue;
      cluster.bands.push(band * BAND_SCALE + hash);
    }
  }

  /** Marks a cluster most recently used (Map order is the LRU order). */
  private touch(id: string): Cluster | undefined {
    const cluster = this.clusters.get(id);
    if (!cluster) return undefined;
    this.clusters.delete(id);
    this.clusters.set(id, cluster);
    return cluster;
  }

  private evictOldest(): void {
    const oldest = this.clusters.keys().next();
    if (oldest.done) return;
    const cluster = this.clusters.get(oldest.value) as Cluster;
    this.clusters.delete(cluster.id);
    for (const key of cluster.bands) {
      const band = Math.floor(key / BAND_SCALE);
      const hash = key - band * BAND_SCALE;
      const map = this.buckets[band * MAPS_PER_BAND + (hash >>> 30)];
      const bucket = map?.get(hash & 0x3fffffff);
      if (!map || !bucket) continue;
      const kept = bucket.filter((c) => c !== cluster);
      if (kept.length === 0) map.delete(hash & 0x3fffffff);
      else map.set(hash & 0x3fffffff, kept);
    }
    for (const id of cluster.exactIds) if (this.exact.get(id) === cluster.id) this.exact.delete(id);
    this.evictedCount++;
  }
}
