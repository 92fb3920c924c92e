// One line describing the machine a benchmark ran on, printed with every figure.
import { cpus, totalmem } from 'node:os';

export function machineLine(): string {
  const cpu = cpus();
  return `machine: ${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}
