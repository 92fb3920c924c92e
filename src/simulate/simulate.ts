// The simulator's library entry: builds every population's account slots from a scenario and
// merges their lazy event streams in time order. Memory grows with accounts, never with events.
import type { ModelReleaseRecord, TrafficRecord } from '../contract/events.ts';
import type { LabelRecord } from '../contract/outputs.ts';
import { AccountActor, type CorpusTexts } from './actor.ts';
import { type EventSource, SourceHeap } from './heap.ts';
import { compileNetworks } from './infra.ts';
import { DAY_MS, PopulationModel } from './population.ts';
import { PromptDraft } from './prompts/pieces.ts';
import type { Scenario } from './scenario.ts';

export interface SimulateOptions {
  /** Multiplies accounts and requests; 1 reproduces the scenario as written. */
  scale?: number;
  seed?: number;
  /** Called once per account, just before its `account` record is yielded. */
  onLabel?: (label: LabelRecord) => void;
  /** Real prompt text by corpus class, for populations whose scenario asks for it. */
  corpus?: CorpusTexts;
  /**
   * Where grammar prompts are drawn: a writer that holds it can copy the last request's prompt
   * as bytes (`PromptDraft#write`) instead of encoding its text.
   */
  prompts?: PromptDraft;
}

class ReleaseSource implements EventSource<TrafficRecord> {
  nextTime: number;
  private readonly record: ModelReleaseRecord;

  constructor(
    time: number,
    model: string,
    readonly order: number,
  ) {
    this.nextTime = time;
    this.record = { type: 'model_release', time: new Date(time).toISOString(), model };
  }

  emit(): TrafficRecord {
    this.nextTime = Number.POSITIVE_INFINITY;
    return this.record;
  }
}

/** The compiled populations of a scenario at a scale and seed (exposed for summaries and tests). */
export function buildPopulations(scenario: Scenario, scale: number, seed: number): PopulationModel[] {
  const networks = compileNetworks(scenario);
  return scenario.populations
    .map((spec, i) =>
      spec.enabled === false ? null : new PopulationModel(scenario, spec, i, scale, seed, networks),
    )
    .filter((p): p is PopulationModel => p !== null);
}

/** Lazily yields the scenario's records in nondecreasing time order; same inputs, same records. */
export function* simulate(scenario: Scenario, options: SimulateOptions = {}): Generator<TrafficRecord> {
  const stream = recordStream(scenario, options);
  for (;;) {
    const record = stream.next();
    if (record === undefined) return;
    yield record;
  }
}

/** The records of `simulate` pulled one by one, and the populations that make them. */
export interface RecordStream {
  /** The next record, undefined at the end. */
  next(): TrafficRecord | undefined;
  /** Each keeps count of the requests and bans it has emitted (`requestsEmitted`, `bansEmitted`). */
  readonly populations: readonly PopulationModel[];
}

/**
 * The records of `simulate` pulled one by one: what the writer uses, as resuming a generator for
 * every record costs more than the heap step that makes it.
 */
export function recordStream(scenario: Scenario, options: SimulateOptions = {}): RecordStream {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 1;
  const onLabel = options.onLabel ?? (() => {});
  const prompts = options.prompts ?? new PromptDraft();
  const heap = new SourceHeap<TrafficRecord>();
  const start = Date.parse(scenario.start);
  const releaseDay = scenario.releases[0]?.day ?? 0;
  let order = 0;
  for (const r of scenario.releases) heap.push(new ReleaseSource(start + r.day * DAY_MS, r.model, order++));
  const populations = buildPopulations(scenario, scale, seed);
  for (const model of populations) {
    const classes = model.spec.prompts.corpus?.classes ?? [];
    const texts = options.corpus ? classes.flatMap((c) => options.corpus?.get(c) ?? []) : [];
    const corpus = texts.length > 0 ? texts : null;
    for (let slot = 0; slot < model.accounts; slot++) {
      heap.push(new AccountActor(model, slot, order++, onLabel, corpus, releaseDay, prompts));
    }
  }
  return { next: () => heap.next(), populations };
}

/** Runs a whole (small) simulation in memory: for tests and examples, not for large scales. */
export function simulateAll(
  scenario: Scenario,
  options: SimulateOptions = {},
): {
  records: TrafficRecord[];
  labels: LabelRecord[];
} {
  const labels: LabelRecord[] = [];
  const records = [...simulate(scenario, { ...options, onLabel: (l) => labels.push(l) })];
  return { records, labels };
}
