// Writes src/ingest/ip-intel/fixtures/asn-excerpt.mmdb from ip2asn-excerpt.tsv beside it.
// Run after editing the TSV: `npx tsx scripts/make-ip-intel-fixtures.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ip2asnToMmdb } from '../src/ingest/ip-intel/test-support/fixture-mmdb.ts';

const dir = join(import.meta.dirname, '..', 'src', 'ingest', 'ip-intel', 'fixtures');
const mmdb = ip2asnToMmdb(readFileSync(join(dir, 'ip2asn-excerpt.tsv'), 'utf8'));
writeFileSync(join(dir, 'asn-excerpt.mmdb'), mmdb);
process.stdout.write(`wrote ${join(dir, 'asn-excerpt.mmdb')} (${mmdb.length} bytes)\n`);
