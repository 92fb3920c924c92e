// Groups template fingerprints into clusters as traffic streams past: LSH buckets find candidate
// clusters in time independent of how many exist, and a cap with least-recently-used eviction bounds memory.
import { BANDS, bandHashesInto, SEQUENCE_SLOTS, SKETCH_SLOTS, WORD_SLOTS } from './fingerprint.ts';

export interface TemplateIndexOptions {
  /** Clusters kept; the least recently matched one is evicted past this. Default 50,000. */
  maxClusters?: number;
  /** Sequence-sketch similarity (estimated Jaccard) at or above which a fingerprint joins a cluster. Default 0.25. */
  threshold?: number;
  /**
   * Word-sketch similarity at or above which a fingerprint joins instead: a paraphrase that
   * reorders or rewords shares few token pairs but more of its words. Default 0.4.
   */
  wordThreshold?: number;
  /** Distinct fingerprints kept per cluster to match paraphrases against. Default 4. */
  maxExemplars?: number;
  /** Prompts with fewer tokens give noisy sketches, so they need `shortThreshold` to join. Default 10. */
  minFuzzyTokens?: number;
  /** Similarity needed by a short prompt. Default 0.6. */
  shortThreshold?: number;
  /**
   * Below this many tokens the word sketch is not used: a few words are shared by chance too often
   * (and a masked skeleton that is mostly labels has few). Default 12.
   */
  minWordTokens?: number;
  /** The word sketch counts only when the shorter prompt has at least this share of the longer one's tokens. Default 0.5. */
  wordLengthRatio?: number;
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
  /**
   * Estimated similarity to the closest exemplar, by the sketch that joined it (sequence or word;
   * 1 for an exact skeleton match or a new cluster).
   */
  similarity: number;
  created: boolean;
}

interface Cluster {
  id: string;
  /** Exemplar sketches packed two slots per 32-bit word, so a comparison reads 32 words per part. */
  exemplars: Uint32Array[];
  /** Tokens behind each exemplar, for the word sketch's length test. */
  exemplarTokens: number[];
  /** Band keys (band × 2^32 + band hash) under which this cluster is listed. */
  bands: number[];
  exactIds: string[];
  requests: number;
  /** The assign call that last visited this cluster as a candidate, so each is verified once. */
  visit: number;
  /** Bands this cluster shared with the fingerprint being assigned, during that call. */
  hits: number;
  /** Neighbours in the recency list, least recently matched first. */
  older: Cluster | null;
  newer: Cluster | null;
}

const MAX_EXACT_IDS = 8;
/**
 * Fingerprints remembered with the cluster they joined beyond a cluster's MAX_EXACT_IDS, so a
 * repeat (a retried, resampled or templated prompt) skips the band lookups; forgotten all at
 * once when full. The same skeleton has the same sketch, so only what the index learnt since
 * could place a repeat elsewhere: kept this small, repeats are placed afresh now and then.
 * Remembering ten times as many cost seed-2026 (scale 0.02, seed 202, no account records)
 * five of 429 attack accounts (recall 88.1% to 86.9%); this many, none, at the same speed.
 */
const MAX_REPEATS = 20_000;
/** Candidate clusters verified per assign, those sharing the most bands. */
const VERIFIED_CANDIDATES = 4;
/** Below this many tokens a sketch is all noise: only the exact skeleton id can match. */
const MIN_SKETCH_TOKENS = 4;
const MAX_BUCKET = 4;
/** Tokens assumed for an input that gives none: its sketch is trusted, as the option docs say. */
const UNKNOWN_TOKENS = 9999;
/** An exemplar is added only when it differs enough from those held, so exemplars spread the cluster. */
const NEW_EXEMPLAR_BELOW = 0.8;
const PACKED_WORDS = SKETCH_SLOTS / 2;
const SEQUENCE_WORDS = SEQUENCE_SLOTS / 2;
const BAND_SCALE = 2 ** 32;

/**
 * The LSH buckets: (band, band hash) -> the clusters listed there, in one open-addressing table
 * (linear probing, deletion by backward shift). Every assign looks up all BANDS keys, and a JS
 * Map cost about 40 ns a lookup where a probe into typed arrays costs a few.
 */
export class BucketTable<T> {
  private hashes = new Uint32Array(1024);
  /** band + 1 per slot; 0 marks an empty slot. */
  private bands = new Uint8Array(1024);
  private values: (T[] | undefined)[] = new Array(1024);
  private mask = 1023;
  private count = 0;

  get size(): number {
    return this.count;
  }

  private home(band: number, hash: number): number {
    return ((hash ^ Math.imul(band + 1, 0x9e3779b9)) >>> 0) & this.mask;
  }

  private find(band: number, hash: number): number {
    const tag = band + 1;
    for (let i = this.home(band, hash); ; i = (i + 1) & this.mask) {
      const b = this.bands[i] as number;
      if (b === 0) return -1 - i;
      if (b === tag && this.hashes[i] === hash) return i;
    }
  }

  get(band: number, hash: number): T[] | undefined {
    const i = this.find(band, hash);
    return i >= 0 ? this.values[i] : undefined;
  }

  set(band: number, hash: number, bucket: T[]): void {
    const i = this.find(band, hash);
    if (i >= 0) {
      this.values[i] = bucket;
      return;
    }
    const slot = -1 - i;
    this.bands[slot] = band + 1;
    this.hashes[slot] = hash;
    this.values[slot] = bucket;
    if (++this.count * 2 > this.mask) this.grow();
  }

  delete(band: number, hash: number): void {
    let hole = this.find(band, hash);
    if (hole < 0) return;
    this.count--;
    // Backward shift: later entries of the probe run move into the hole unless their home slot
    // lies cyclically after the hole, so that no lookup ever stops early at an empty slot.
    for (let j = (hole + 1) & this.mask; this.bands[j] !== 0; j = (j + 1) & this.mask) {
      const home = this.home((this.bands[j] as number) - 1, this.hashes[j] as number);
      const stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (stays) continue;
      this.bands[hole] = this.bands[j] as number;
      this.hashes[hole] = this.hashes[j] as number;
      this.values[hole] = this.values[j];
      hole = j;
    }
    this.bands[hole] = 0;
    this.values[hole] = undefined;
  }

  private grow(): void {
    const { hashes, bands, values } = this;
    const capacity = bands.length * 2;
    this.hashes = new Uint32Array(capacity);
    this.bands = new Uint8Array(capacity);
    this.values = new Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < bands.length; i++) {
      const b = bands[i] as number;
      if (b === 0) continue;
      const slot = -1 - this.find(b - 1, hashes[i] as number);
      this.bands[slot] = b;
      this.hashes[slot] = hashes[i] as number;
      this.values[slot] = values[i];
    }
  }
}

function pack(sketch: Uint16Array, packed: Uint32Array): Uint32Array {
  for (let i = 0; i < PACKED_WORDS; i++) {
    packed[i] = ((sketch[2 * i] as number) | ((sketch[2 * i + 1] as number) << 16)) >>> 0;
  }
  return packed;
}

/**
 * Equal slots of two packed sketches within packed words [from, to). Branch-free: a half-word
 * is 0 exactly when subtracting 1 sets bit 31, and whether two slots are equal is a coin toss
 * the branch predictor loses about half the time.
 */
function equalSlots(a: Uint32Array, b: Uint32Array, from: number, to: number): number {
  let same = 0;
  for (let i = from; i < to; i++) {
    const x = (a[i] as number) ^ (b[i] as number);
    same += (((x & 0xffff) - 1) >>> 31) + (((x >>> 16) - 1) >>> 31);
  }
  return same;
}

/**
 * Keeps the VERIFIED_CANDIDATES clusters with the most shared bands, in place: the same as a
 * stable sort by hits then a cut (ties keep band order, so results stay deterministic), without
 * sorting the whole list, which a popular bucket can make long.
 */
function keepMostHits(candidates: Cluster[]): void {
  const kept: Cluster[] = [];
  for (const cluster of candidates) {
    if (
      kept.length === VERIFIED_CANDIDATES &&
      cluster.hits <= (kept[VERIFIED_CANDIDATES - 1] as Cluster).hits
    )
      continue;
    let at = kept.length;
    while (at > 0 && (kept[at - 1] as Cluster).hits < cluster.hits) at--;
    kept.splice(at, 0, cluster);
    if (kept.length > VERIFIED_CANDIDATES) kept.length = VERIFIED_CANDIDATES;
  }
  candidates.length = 0;
  for (const cluster of kept) candidates.push(cluster);
}

export class TemplateIndex {
  private readonly clusters = new Map<string, Cluster>();
  /**
   * The recency list's ends. Moving a cluster to the newest end relinks two neighbours; the Map
   * order did the same with a delete and a set, which left the Map to compact its holes.
   */
  private oldest: Cluster | null = null;
  private newest: Cluster | null = null;
  /** (band, band hash) -> the clusters listed under it, at most MAX_BUCKET. */
  private readonly buckets = new BucketTable<Cluster>();
  private readonly exact = new Map<string, string>();
  /** templateId -> the cluster it joined and how closely, for ids past MAX_EXACT_IDS (see MAX_REPEATS). */
  private readonly repeats = new Map<string, { cluster: Cluster; similarity: number }>();
  private readonly maxClusters: number;
  private readonly threshold: number;
  private readonly maxExemplars: number;
  private readonly minFuzzyTokens: number;
  private readonly shortThreshold: number;
  private readonly wordThreshold: number;
  private readonly minWordTokens: number;
  private readonly wordLengthRatio: number;
  private evictedCount = 0;
  private visits = 0;
  /** Band hashes and packed sketch of the fingerprint being assigned; copied when kept. */
  private readonly scratchBands = new Uint32Array(BANDS);
  private readonly scratchPacked = new Uint32Array(PACKED_WORDS);

  constructor(options: TemplateIndexOptions = {}) {
    this.maxClusters = options.maxClusters ?? 50_000;
    this.threshold = options.threshold ?? 0.25;
    this.maxExemplars = options.maxExemplars ?? 4;
    this.minFuzzyTokens = options.minFuzzyTokens ?? 10;
    this.shortThreshold = options.shortThreshold ?? 0.6;
    this.wordThreshold = options.wordThreshold ?? 0.4;
    this.minWordTokens = options.minWordTokens ?? 12;
    this.wordLengthRatio = options.wordLengthRatio ?? 0.5;
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
    const repeat = this.repeats.get(templateId);
    if (repeat !== undefined && this.clusters.get(repeat.cluster.id) === repeat.cluster) {
      this.makeNewest(repeat.cluster);
      repeat.cluster.requests++;
      return { clusterId: repeat.cluster.id, similarity: repeat.similarity, created: false };
    }
    if (!sketch || (input.tokens !== undefined && input.tokens < MIN_SKETCH_TOKENS)) {
      return this.joinOrCreate(templateId, null, null, 0);
    }
    const tokens = input.tokens ?? UNKNOWN_TOKENS;
    const short = tokens < this.minFuzzyTokens;
    const threshold = short ? Math.max(this.shortThreshold, this.threshold) : this.threshold;
    const useWords = tokens >= this.minWordTokens;
    const maxWordScore = 1 / this.wordThreshold;
    const bands = bandHashesInto(sketch, this.scratchBands);
    const packed = pack(sketch, this.scratchPacked);
    // Candidates are ranked by how many bands they share (LSH: more shared bands, more alike)
    // and only the best few are verified exemplar by exemplar: a popular bucket then costs a
    // count, not comparisons against every cluster in it.
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
    if (candidates.length > VERIFIED_CANDIDATES) keepMostHits(candidates);
    // Either sketch can join: the sequence sketch for slot-filled copies of one wording, the word
    // sketch for paraphrases. Each similarity is divided by its threshold, so the exemplar closest
    // by either wins, and a score of 1 or more joins.
    let best: Cluster | null = null;
    let bestScore = -1;
    let bestSimilarity = 0;
    let bestSequence = 0;
    for (const cluster of candidates) {
      for (let e = 0; e < cluster.exemplars.length; e++) {
        const exemplar = cluster.exemplars[e] as Uint32Array;
        const sequence = equalSlots(packed, exemplar, 0, SEQUENCE_WORDS) / SEQUENCE_SLOTS;
        let score = sequence / threshold;
        let similarity = sequence;
        const other = cluster.exemplarTokens[e] as number;
        // A long prompt holds many words by chance, so it may not join a short one by words alone.
        // The word slots are not read when even a perfect word score could not win.
        if (
          useWords &&
          score < maxWordScore &&
          bestScore < maxWordScore &&
          Math.min(tokens, other) >= this.wordLengthRatio * Math.max(tokens, other)
        ) {
          const word = equalSlots(packed, exemplar, SEQUENCE_WORDS, PACKED_WORDS) / WORD_SLOTS;
          if (word / this.wordThreshold > score) {
            score = word / this.wordThreshold;
            similarity = word;
          }
        }
        if (score > bestScore) {
          bestScore = score;
          bestSimilarity = similarity;
          bestSequence = sequence;
          best = cluster;
        }
      }
    }
    if (best && bestScore >= 1) {
      this.touch(best.id);
      best.requests++;
      if (best.exactIds.length < MAX_EXACT_IDS && !this.exact.has(templateId)) {
        best.exactIds.push(templateId);
        this.exact.set(templateId, best.id);
      } else if (!this.exact.has(templateId)) {
        if (this.repeats.size >= MAX_REPEATS) this.repeats.clear();
        this.repeats.set(templateId, { cluster: best, similarity: bestSimilarity });
      }
      // Judged on the sequence sketch: a paraphrase joined by its words becomes an exemplar, so
      // later prompts in its wording join by sequence.
      if (bestSequence < NEW_EXEMPLAR_BELOW && best.exemplars.length < this.maxExemplars) {
        best.exemplars.push(packed.slice());
        best.exemplarTokens.push(tokens);
        this.index(best, bands);
      }
      return { clusterId: best.id, similarity: bestSimilarity, created: false };
    }
    return this.joinOrCreate(templateId, packed, bands, tokens);
  }

  private joinOrCreate(
    templateId: string,
    packed: Uint32Array | null,
    bands: Uint32Array | null,
    tokens: number,
  ): TemplateMatch {
    const existing = this.touch(templateId);
    if (existing) {
      existing.requests++;
      return { clusterId: existing.id, similarity: 1, created: false };
    }
    const cluster: Cluster = {
      id: templateId,
      exemplars: packed ? [packed.slice()] : [],
      exemplarTokens: packed ? [tokens] : [],
      bands: [],
      exactIds: [templateId],
      requests: 1,
      visit: 0,
      hits: 0,
      older: null,
      newer: null,
    };
    this.clusters.set(templateId, cluster);
    this.append(cluster);
    this.exact.set(templateId, templateId);
    if (bands) this.index(cluster, bands);
    while (this.clusters.size > this.maxClusters) this.evictOldest();
    return { clusterId: templateId, similarity: 1, created: true };
  }

  private bucket(band: number, hash: number): Cluster[] | undefined {
    return this.buckets.get(band, hash);
  }

  private index(cluster: Cluster, bands: Uint32Array): void {
    for (let band = 0; band < BANDS; band++) {
      const hash = bands[band] as number;
      const bucket = this.bucket(band, hash);
      if (!bucket) this.buckets.set(band, hash, [cluster]);
      else if (!bucket.includes(cluster)) {
        if (bucket.length >= MAX_BUCKET) continue;
        bucket.push(cluster);
      } else continue;
      cluster.bands.push(band * BAND_SCALE + hash);
    }
  }

  /** Marks a cluster most recently used. */
  private touch(id: string): Cluster | undefined {
    const cluster = this.clusters.get(id);
    if (cluster) this.makeNewest(cluster);
    return cluster;
  }

  private makeNewest(cluster: Cluster): void {
    if (cluster !== this.newest) {
      this.unlink(cluster);
      this.append(cluster);
    }
  }

  private append(cluster: Cluster): void {
    cluster.older = this.newest;
    cluster.newer = null;
    if (this.newest) this.newest.newer = cluster;
    else this.oldest = cluster;
    this.newest = cluster;
  }

  private unlink(cluster: Cluster): void {
    if (cluster.older) cluster.older.newer = cluster.newer;
    else this.oldest = cluster.newer;
    if (cluster.newer) cluster.newer.older = cluster.older;
    else this.newest = cluster.older;
    cluster.older = null;
    cluster.newer = null;
  }

  private evictOldest(): void {
    const cluster = this.oldest;
    if (!cluster) return;
    this.unlink(cluster);
    this.clusters.delete(cluster.id);
    for (const key of cluster.bands) {
      const band = Math.floor(key / BAND_SCALE);
      const hash = key - band * BAND_SCALE;
      const bucket = this.buckets.get(band, hash);
      if (!bucket) continue;
      const kept = bucket.filter((c) => c !== cluster);
      if (kept.length === 0) this.buckets.delete(band, hash);
      else this.buckets.set(band, hash, kept);
    }
    for (const id of cluster.exactIds) if (this.exact.get(id) === cluster.id) this.exact.delete(id);
    this.evictedCount++;
  }
}
