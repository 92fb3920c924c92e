import { describe, expect, it } from 'vitest';
import { parseSignalLine } from './signals.ts';

describe('hydrawatch signals input lines', () => {
  it('reads {"text"} prompts and canonical requests, and rejects the rest with a reason', () => {
    expect(parseSignalLine('{"text":"hi","source":"x"}')).toEqual({ ok: true, request: { prompt: 'hi' } });
    const r = parseSignalLine('{"type":"request","request_id":"r9","model":"m","prompt":"p"}');
    expect(r.ok && r.id).toBe('r9');
    expect(parseSignalLine('{"type":"account","account_id":"a"}').ok).toBe(false);
    expect(parseSignalLine('not json').ok).toBe(false);
    expect(parseSignalLine('{"foo":1}').ok).toBe(false);
  });
});
