// `hydrawatch analyze`: replay traffic through the engine and write verdicts, campaigns,
// a terminal summary and the HTML report.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { type AnalysisResult, analyze } from '../engine/analyze.ts';
import { type IpIntel, loadIpIntel } from '../ingest/ip-intel/intel.ts';
import { IpIntelFileError } from '../ingest/ip-intel/intel-file.ts';
import { rejectWriter } from '../ingest/rejects.ts';
import { writeReport } from '../report/html.ts';
import { formatSummary } from '../report/summary.ts';
import { addInputOptions, type InputOptions, reportInputError, summarizeRejects } from './input.ts';
import { progressLine } from './progress.ts';

export interface AnalyzeCliOptions extends InputOptions {
  out: string;
  workers?: string;
  report: boolean;
  ipIntel?: string[];
}

/** Loads the --ip-intel files before any traffic is read, so a bad file stops the run at once. */
function loadIntel(options: AnalyzeCliOptions): IpIntel | null | 'failed' {
  if (!options.ipIntel || options.ipIntel.length === 0) return null;
  try {
    const started = performance.now();
    const intel = loadIpIntel(options.ipIntel, { strict: options.strict === true });
    // Loading a full ip2asn file takes seconds before the first progress line: say what it was.
    if (process.stderr.isTTY)
      process.stderr.write(
        `ip intel: ${intel.files.map((f) => `${f.path} (${f.format})`).join(', ')} loaded in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
    return intel;
  } catch (error) {
    if (!(error instanceof IpIntelFileError)) throw error;
    process.stderr.write(`hydrawatch analyze: ${error.message}\n`);
    return 'failed';
  }
}

export async function runAnalyze(files: string[], options: AnalyzeCliOptions): Promise<number> {
  mkdirSync(options.out, { recursive: true });
  const rejects = rejectWriter(
    options.rejects === 'rejects.jsonl' ? join(options.out, 'rejects.jsonl') : options.rejects,
  );
  const progress = progressLine('analyze');
  const workers = options.workers === undefined ? undefined : Number(options.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) {
    process.stderr.write(
      `hydrawatch analyze: --workers must be a whole number >= 0, got ${options.workers}\n`,
    );
    return 1;
  }
  const ipIntel = loadIntel(options);
  if (ipIntel === 'failed') return 1;
  try {
    const result = await analyze(files, {
      ...(ipIntel ? { ipIntel } : {}),
      ...(options.format ? { format: options.format } : {}),
      ...(workers === undefined ? {} : { workers }),
      strict: options.strict === true,
      onReject: (r) => rejects.write(r),
      onProgress: (p) => progress.update(p.records, 'records', p.size ? p.bytesRead / p.size : null),
    });
    progress.done();
    await rejects.close();
    const accountsPath = join(options.out, 'accounts.jsonl');
    writeFileSync(accountsPath, result.accounts.map((a) => `${JSON.stringify(a)}\n`).join(''));
    writeFileSync(join(options.out, 'campaigns.json'), `${JSON.stringify(result.campaigns, null, 2)}\n`);
    writeFileSync(join(options.out, 'run.json'), `${JSON.stringify(runFigures(result), null, 2)}\n`);
    const lines = [formatSummary(result)];
    if (options.report) lines.push(`report: ${writeReport(result, join(options.out, 'report.html'))}`);
    lines.push(...summarizeRejects(result.read.reasons, result.read.rejected, rejects.path));
    lines.push(`wrote ${accountsPath} and ${join(options.out, 'campaigns.json')}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    progress.done();
    await rejects.close();
    if (error instanceof IpIntelFileError) {
      process.stderr.write(`hydrawatch analyze: ${error.message}\n`);
      return 1;
    }
    return reportInputError(error);
  }
}

/** Figures of the run, for benchmarks and monitoring: volume, time per stage, memory, state size. */
function runFigures(result: AnalysisResult) {
  return {
    records: result.read.records,
    requests: result.read.byType.request,
    rejected: result.read.rejected,
    seconds: result.seconds,
    engineSeconds: result.engineSeconds,
    recordsPerSecond: result.read.records / Math.max(result.seconds, 1e-9),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    accounts: result.engine.accounts.size,
    templates: result.engine.templates.size,
    templateClusters: result.engine.index.size,
    campaigns: result.campaigns.length,
    flagged: result.accounts.filter((a) => a.flagged).length,
    ...(result.networkEnrichment ? { ipIntel: result.networkEnrichment } : {}),
  };
}

export function analyzeCommand(): Command {
  return addInputOptions(
    new Command('analyze')
      .description(
        'Find distillation campaigns: verdicts per account, campaigns with evidence, an HTML report.',
      )
      .argument(
        '<files...>',
        'traffic files (JSONL, JSONL.gz, Parquet, OTel, gateway or LiteLLM logs); - for stdin',
      )
      .option(
        '--out <dir>',
        'where to write accounts.jsonl, campaigns.json and report.html',
        'hydrawatch-out',
      )
      .option('--workers <n>', 'reader threads (0 reads in the main thread); default one per core')
      .option(
        '--ip-intel <file>',
        'fill missing client_asn / client_network from an IP intelligence file: ip2asn TSV, ip-location-db asn CSV, a MaxMind ASN .mmdb, or asn,kind CSV (gzip allowed; repeatable, first file wins; see docs/ip-intel.md)',
        (file: string, files: string[] = []) => [...files, file],
      )
      .option('--no-report', 'skip the HTML report'),
  ).action(async (files: string[], options: AnalyzeCliOptions) => {
    process.exitCode = await runAnalyze(files, options);
  });
}
