// Reader worker: splits, parses, adapts and checks whole-line chunks, then projects each
// record to what its consumer needs, so only small results cross back to the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { RecordType, TrafficRecord } from '../contract/events.ts';
import { adapterByName } from './formats.ts';
import { hashPair } from './id-set.ts';
import { splitBuffer } from './lines.ts';
import type { ChunkRequest, ChunkResult, Projector } from './parallel.ts';
import { processItems } from './process.ts';

const TYPE_CODES: Record<RecordType, number> = { request: 0, account: 1, model_release: 2, enforcement: 3 };

const { projectorUrl } = workerData as { projectorUrl: string };
const projector = (await import(projectorUrl)) as Projector<unknown>;
const port = parentPort!;

port.on('message', (msg: ChunkRequest) => {
  const adapter = adapterByName(msg.format);
  if (!adapter) throw new Error(`worker: unknown format ${msg.format}`);
  const lines = splitBuffer(Buffer.from(msg.bytes, msg.byteOffset, msg.byteLength));
  const items: unknown[] = [];
  const types: number[] = [];
  const hashes: number[] = [];
  const rejects: ChunkResult['rejects'] = [];
  let blank = 0;
  processItems(1, lines, undefined, adapter, {
    record(record: TrafficRecord) {
      items.push(projector.project(record));
      types.push(TYPE_CODES[record.type]);
      if (record.type === 'request') {
        const [hi, lo] = hashPair(record.request_id);
        hashes.push(hi, lo);
      } else {
        hashes.push(0, 0);
      }
    },
    reject(line, reason, text) {
      rejects.push({ line, reason, ...(text === undefined ? {} : { text: text.slice(0, 2000) }) });
    },
    blank() {
      blank += 1;
    },
  });
  const result: ChunkResult = {
    seq: msg.seq,
    lines: lines.length,
    blank,
    items,
    types: Uint8Array.from(types),
    hashes: Uint32Array.from(hashes),
    rejects,
  };
  const transfer = [result.types.buffer as ArrayBuffer, result.hashes.buffer as ArrayBuffer];
  if (projector.encodeItems) {
    const encoded = projector.encodeItems(items);
    result.items = [];
    result.wire = encoded.wire;
    transfer.push(...encoded.transfer);
  }
  port.postMessage(result, transfer);
});
