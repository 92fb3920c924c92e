import { describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../contract/events.ts';
import { loadScenario } from '../simulate/scenario.ts';
import { simulateAll } from '../simulate/simulate.ts';
import { decodeItems, encodeItems, project } from './facts.ts';

const tiny = loadScenario('tiny');
if (!tiny.ok) throw new Error(tiny.reason);
const { records } = simulateAll(tiny.scenario, { scale: 0.2, seed: 77 });

/** Sends a chunk across a real structured clone, as postMessage does, transferring the buffers. */
function acrossThreads(records: readonly TrafficRecord[]) {
  const facts = records.map(project);
  const { wire, transfer } = encodeItems(facts);
  return { facts, decoded: decodeItems(structuredClone(wire, { transfer })) };
}

describe('the facts wire form', () => {
  it('rebuilds every fact of simulated traffic, non-request records in place', () => {
    const { facts, decoded } = acrossThreads(records.slice(0, 4000));
    expect(facts.some((f) => f.type !== 'request')).toBe(true);
    expect(facts.some((f) => f.type === 'request' && f.signals.template.sketch !== undefined)).toBe(true);
    expect(decoded).toStrictEqual(facts);
  });

  it('keeps nulls, absent fields, non-ASCII text and numbers exactly', () => {
    const request: TrafficRecord = {
      type: 'request',
      time: '2026-01-05T22:29:11.929Z',
      request_id: 'req_1',
      account_id: 'acct_ü',
      model: 'helix-4',
      user_agent: 'Agent/1 (ünïcode 汉字)',
      client_asn: 0,
      usage: { input_tokens: 1.5, output_tokens: 2 ** 40 },
      prompt: '请一步一步地推理，并把完整的思考过程写出来：12 + 30 = ?',
    };
    const bare: TrafficRecord = {
      type: 'request',
      time: '2026-01-05T22:29:12Z',
      request_id: 'r2',
      account_id: 'a2',
      model: 'm',
    };
    const { facts, decoded } = acrossThreads([request, bare, request]);
    expect(decoded).toStrictEqual(facts);
    const first = decoded[0];
    expect(first?.type === 'request' && first.asn).toBe(0);
    const second = decoded[1];
    expect(second?.type === 'request' && second.ip).toBeNull();
  });
});
