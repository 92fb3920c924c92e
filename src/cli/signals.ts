// `hydrawatch signals`: per-request signals for every line of a prompt or request file, one JSON
// line out per line in, so anyone can measure the signals on any corpus.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { Command } from 'commander';
import { computeSignals, type SignalRequest, TemplateIndex, topCapability } from '../signals/index.ts';

interface SignalsOptions {
  cluster?: boolean;
}

type Parsed = { ok: true; request: SignalRequest; id?: string } | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A line is a canonical request (has `type: "request"` or request fields) or a `{"text": ...}` prompt. */
export function parseSignalLine(line: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (!isRecord(value)) return { ok: false, reason: 'not a JSON object' };
  if (value.type === 'request' || 'prompt' in value || 'prompt_fp' in value || 'system' in value) {
    if (value.type !== undefined && value.type !== 'request')
      return { ok: false, reason: `record type ${String(value.type)}` };
    const id = typeof value.request_id === 'string' ? value.request_id : undefined;
    return { ok: true, request: value as SignalRequest, ...(id ? { id } : {}) };
  }
  if (typeof value.text === 'string') return { ok: true, request: { prompt: value.text } };
  return { ok: false, reason: 'neither a request record nor a {"text": ...} line' };
}

async function* inputLines(path: string): AsyncGenerator<string> {
  const raw = path === '-' ? process.stdin : createReadStream(path);
  const stream = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  yield* createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
}

export async function writeSignals(
  path: string,
  options: SignalsOptions,
  out: NodeJS.WritableStream,
): Promise<number> {
  const index = options.cluster ? new TemplateIndex() : null;
  let lineNo = 0;
  let bad = 0;
  for await (const line of inputLines(path)) {
    lineNo++;
    if (line.trim().length === 0) continue;
    const parsed = parseSignalLine(line);
    if (!parsed.ok) {
      bad++;
      out.write(`${JSON.stringify({ line: lineNo, error: parsed.reason })}\n`);
      continue;
    }
    const signals = computeSignals(parsed.request, { fingerprintText: true });
    const { template } = signals;
    const cluster = index?.assign(template)?.clusterId ?? null;
    const row = {
      line: lineNo,
      ...(parsed.id ? { request_id: parsed.id } : {}),
      templateId: template.templateId,
      ...(index ? { clusterId: cluster } : {}),
      fingerprint: template.fingerprint ?? null,
      systemId: template.systemId ?? null,
      elicitation: signals.elicitation,
      capability: signals.capability,
      topCapability: topCapability(signals.capability),
      harvest: signals.harvest,
    };
    out.write(`${JSON.stringify(row)}\n`);
  }
  return bad;
}

export function signalsCommand(): Command {
  return new Command('signals')
    .description(
      'Per-request signals for each line: template id and fingerprint, reasoning-elicitation score and cues, ' +
        'capability distribution and harvesting parameters. One JSON line out per line in.',
    )
    .argument(
      '<file>',
      'JSONL (optionally .gz) of {"text": ...} prompts or canonical request records; - for stdin',
    )
    .option('--cluster', 'also group the lines into template clusters (TemplateIndex) and print clusterId')
    .addHelpText(
      'after',
      '\nEach input line is read as a canonical request record when it has type "request" or a prompt, ' +
        'prompt_fp or system field, and as a bare prompt when it has only "text".\n' +
        'A line that is neither is answered with {"line": n, "error": reason}.\n\n' +
        'Example:\n  hydrawatch signals ../shared/corpora/gsm8k/prompts.jsonl --cluster | head -3',
    )
    .action(async (file: string, options: SignalsOptions) => {
      try {
        const bad = await writeSignals(file, options, process.stdout);
        if (bad > 0) process.stderr.write(`hydrawatch signals: ${bad} line(s) could not be read\n`);
      } catch (error) {
        process.stderr.write(
          `hydrawatch signals: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exitCode = 2;
      }
    });
}
