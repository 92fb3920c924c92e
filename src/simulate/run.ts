// Runs a simulation to an output folder (or stdout): events.jsonl[.gz], labels.jsonl and
// summary.json, streaming with flat memory. The CLI and the benchmark both call this.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { CorpusTexts } from './actor.ts';
import { PromptDraft } from './prompts/pieces.ts';
import type { Scenario } from './scenario.ts';
import { recordLine } from './serialize.ts';
import { recordStream } from './simulate.ts';
import { LineSink } from './sink.ts';
import { type Summary, Tally } from './summary.ts';

export interface RunOptions {
  scale: number;
  seed: number;
  /** A folder to write into, or `-` for events on stdout (labels and summary then need `labelsPath`). */
  out: string;
  gzip?: boolean;
  corpus?: CorpusTexts;
  /** Where labels go when events go to stdout; omitted means labels are not written. */
  labelsPath?: string;
  /** Called about once a second with progress, e.g. to draw a line on a terminal. */
  onProgress?: (events: number, simTime: string) => void;
  stdout?: Writable;
}

export interface RunResult {
  summary: Summary;
  events: number;
  seconds: number;
}

export async function runSimulation(scenario: Scenario, options: RunOptions): Promise<RunResult> {
  const toStdout = options.out === '-';
  if (!toStdout) mkdirSync(options.out, { recursive: true });
  const events = toStdout
    ? LineSink.stream(options.stdout ?? process.stdout, options.gzip)
    : LineSink.file(join(options.out, options.gzip ? 'events.jsonl.gz' : 'events.jsonl'), options.gzip);
  const labelsPath = toStdout ? options.labelsPath : join(options.out, 'labels.jsonl');
  const labels = labelsPath ? LineSink.file(labelsPath) : null;
  const tally = new Tally();
  const started = performance.now();
  let count = 0;
  let chunks = 0;
  let nextProgress = started + 1000;
  const prompts = new PromptDraft();
  const records = recordStream(scenario, {
    scale: options.scale,
    seed: options.seed,
    corpus: options.corpus,
    prompts,
    onLabel: (label) => {
      tally.label(label);
      // Labels are few and small; their sink flushes with the next full chunk.
      labels?.write(`${JSON.stringify(label)}\n`);
    },
  });
  for (let record = records.next(); record !== undefined; record = records.next()) {
    tally.record(record);
    const pending =
      record.type === 'request' ? events.writeRequest(record, prompts) : events.write(recordLine(record));
    count++;
    if (pending) {
      await pending;
      // Synchronous outputs (a file on stdout) never wait; yielding lets the labels file and
      // progress timers run.
      if (++chunks % 8 === 0) await new Promise((resolve) => setImmediate(resolve));
      if (options.onProgress && performance.now() >= nextProgress) {
        nextProgress = performance.now() + 1000;
        options.onProgress(count, record.time);
      }
    }
  }
  await events.close();
  await labels?.close();
  for (const model of records.populations)
    tally.emitted(model.labels, model.requestsEmitted, model.bansEmitted);
  const summary = tally.summary(scenario.name, options.seed, options.scale);
  if (!toStdout) writeFileSync(join(options.out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return { summary, events: count, seconds: (performance.now() - started) / 1000 };
}
