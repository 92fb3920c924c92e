// Reads the files `eval` scores (labels.jsonl, accounts.jsonl, campaigns.json), checking every
// line against the output contract. Bad lines are skipped and reported by file and line, so
// one broken record never stops a scoring run; only an unreadable or empty file does.
import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { AccountVerdict, Campaign, LabelRecord } from '../contract/outputs.ts';
import { type Checked, compileChecker } from '../contract/validate.ts';
import { type LineSource, openLines } from '../ingest/lines.ts';

/** One thing wrong with an input, located well enough for a person to open the file and fix it. */
export interface InputProblem {
  file: string;
  /** 1-based line for JSONL inputs; null for whole-file problems or JSON array items. */
  line: number | null;
  /** 0-based array index for campaigns.json items. */
  item?: number;
  reason: string;
}

export interface InputFile<T> {
  file: string;
  records: T[];
  /** Lines (or array items) that could not be used; all are counted, the first few kept. */
  rejected: number;
  problems: InputProblem[];
}

/** Problems kept per file: enough to diagnose a bad export without holding millions of them. */
export const MAX_PROBLEMS_PER_FILE = 50;

export function formatProblem(problem: InputProblem): string {
  if (problem.line !== null) return `${problem.file}:${problem.line}: ${problem.reason}`;
  if (problem.item !== undefined) return `${problem.file}: item ${problem.item}: ${problem.reason}`;
  return `${problem.file}: ${problem.reason}`;
}

class ProblemLog {
  readonly problems: InputProblem[] = [];
  rejected = 0;
  constructor(readonly file: string) {}
  add(line: number | null, reason: string, item?: number): void {
    this.rejected += 1;
    if (this.problems.length >= MAX_PROBLEMS_PER_FILE) return;
    this.problems.push(
      item === undefined ? { file: this.file, line, reason } : { file: this.file, line, item, reason },
    );
  }
}

/** One line on why a file could not be read, in words rather than an errno. */
export function cannotReadReason(path: string, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return `${path}: no such file`;
  if (code === 'EISDIR') return `${path}: is a directory, expected a file`;
  if (code === 'EACCES') return `${path}: permission denied`;
  return `${path}: cannot read (${error instanceof Error ? error.message : String(error)})`;
}

/**
 * Opens a JSONL source after checking the path is a readable file: the line reader starts its
 * stream before it stats, so a missing file would otherwise surface as an unhandled stream error.
 */
export async function openJsonLines(path: string): Promise<LineSource> {
  if (path !== '-') {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
  }
  return openLines(path);
}

function parseJson(text: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      reason: `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

/**
 * Reads a JSONL file of per-account records keyed by `account_id`, gzip or plain. A repeated
 * account keeps its first line, since a later duplicate is usually a concatenation mistake.
 */
async function readAccountLines<T extends { account_id: string }>(
  path: string,
  check: (value: unknown) => Checked<T>,
): Promise<Checked<InputFile<T>>> {
  const log = new ProblemLog(path);
  const records: T[] = [];
  const firstLine = new Map<string, number>();
  try {
    const source = await openJsonLines(path);
    for await (const batch of source.batches) {
      for (const [i, text] of batch.lines.entries()) {
        if (text.trim() === '') continue;
        const line = batch.firstLine + i;
        const parsed = parseJson(text);
        const checked = parsed.ok ? check(parsed.value) : parsed;
        if (!checked.ok) {
          log.add(line, checked.reason);
          continue;
        }
        const seen = firstLine.get(checked.value.account_id);
        if (seen !== undefined) {
          const id = JSON.stringify(checked.value.account_id);
          log.add(line, `account_id ${id} repeats line ${seen}; kept the first`);
          continue;
        }
        firstLine.set(checked.value.account_id, line);
        records.push(checked.value);
      }
    }
  } catch (error) {
    return { ok: false, reason: cannotReadReason(path, error) };
  }
  return { ok: true, value: { file: path, records, rejected: log.rejected, problems: log.problems } };
}

const checkLabel = compileChecker<LabelRecord>(LabelRecord);
const checkVerdictShape = compileChecker<AccountVerdict>(AccountVerdict);
const checkCampaign = compileChecker<Campaign>(Campaign);

function notAnObject(value: unknown): string | null {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return null;
  return `expected a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`;
}

// Attack labels without an operator cannot be grouped or timed, so they are bad ground truth.
function checkLabelRecord(value: unknown): Checked<LabelRecord> {
  const shape = notAnObject(value);
  if (shape) return { ok: false, reason: shape };
  // The schema's union of literals would only say "must be equal to constant".
  const label = (value as { label?: unknown }).label;
  if (label !== undefined && label !== 'attack' && label !== 'benign') {
    return { ok: false, reason: `label must be "attack" or "benign", got ${JSON.stringify(label)}` };
  }
  const checked = checkLabel(value);
  if (!checked.ok) return checked;
  if (checked.value.label === 'attack' && !checked.value.operator && !checked.value.campaign_id) {
    return { ok: false, reason: 'attack label needs operator or campaign_id' };
  }
  return checked;
}

// The schema accepts any RFC 3339 shape; a time that Date cannot place would poison every latency.
function checkVerdict(value: unknown): Checked<AccountVerdict> {
  const shape = notAnObject(value);
  if (shape) return { ok: false, reason: shape };
  const checked = checkVerdictShape(value);
  if (!checked.ok) return checked;
  const at = checked.value.first_flagged_at;
  if (at !== null && Number.isNaN(Date.parse(at)))
    return { ok: false, reason: `first_flagged_at ${at} cannot be parsed` };
  return checked;
}

/** Reads ground truth (labels.jsonl). */
export function readLabels(path: string): Promise<Checked<InputFile<LabelRecord>>> {
  return readAccountLines(path, checkLabelRecord);
}

/** Reads an analysis's verdicts (accounts.jsonl). */
export function readVerdicts(path: string): Promise<Checked<InputFile<AccountVerdict>>> {
  return readAccountLines(path, checkVerdict);
}

/** Reads campaigns.json (a JSON array; gzip accepted), checking each campaign on its own. */
export async function readCampaigns(path: string): Promise<Checked<InputFile<Campaign>>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, reason: cannotReadReason(path, error) };
  }
  let text: string;
  try {
    text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (error) {
    return {
      ok: false,
      reason: `${path}: broken gzip (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, reason: `${path}: ${parsed.reason}` };
  if (!Array.isArray(parsed.value))
    return { ok: false, reason: `${path}: expected a JSON array of campaigns` };
  const log = new ProblemLog(path);
  const records: Campaign[] = [];
  const seen = new Set<string>();
  for (const [item, value] of (parsed.value as unknown[]).entries()) {
    const shape = notAnObject(value);
    const checked = shape ? { ok: false as const, reason: shape } : checkCampaign(value);
    if (!checked.ok) {
      log.add(null, checked.reason, item);
      continue;
    }
    if (seen.has(checked.value.campaign_id)) {
      log.add(null, `campaign_id ${JSON.stringify(checked.value.campaign_id)} repeats; kept the first`, item);
      continue;
    }
    seen.add(checked.value.campaign_id);
    records.push(checked.value);
  }
  return { ok: true, value: { file: path, records, rejected: log.rejected, problems: log.problems } };
}
