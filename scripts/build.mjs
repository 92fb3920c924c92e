// Compiles src/ to dist/ (tsc with rewritten import extensions), copies the plain JS worker
// entry, and stamps the build so bin/hydrawatch.mjs can tell whether it is current.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--noCheck'], {
  stdio: 'inherit',
});
mkdirSync(join(dist, 'ingest'), { recursive: true });
copyFileSync(join(root, 'src', 'ingest', 'worker-entry.mjs'), join(dist, 'ingest', 'worker-entry.mjs'));
writeFileSync(join(dist, '.built'), `${new Date().toISOString()}\n`);
