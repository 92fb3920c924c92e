// Worker threads do not inherit the main thread's TypeScript loader: when the worker module is
// TypeScript source (not the compiled build), register the loader first, then load it.
import { workerData } from 'node:worker_threads';

if (workerData.module.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.module);
