// A single progress line on stderr (rate, ETA), drawn only when stderr is a terminal and
// at most a few times a second, so piping and CI logs stay clean.

export interface ProgressLine {
  update(done: number, unit: string, fraction: number | null): void;
  done(): void;
}

const REDRAW_MS = 250;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const m = Math.floor(seconds / 60);
  return m < 60
    ? `${m}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`
    : `${Math.floor(m / 60)}h${m % 60}m`;
}

export function progressLine(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressLine {
  const enabled = stream.isTTY === true;
  const started = performance.now();
  let last = 0;
  let drawn = false;
  return {
    update(done, unit, fraction) {
      if (!enabled) return;
      const now = performance.now();
      if (now - last < REDRAW_MS) return;
      last = now;
      const elapsed = (now - started) / 1000;
      const rate = done / Math.max(elapsed, 1e-3);
      const eta = fraction && fraction > 0 ? duration((elapsed * (1 - fraction)) / fraction) : '?';
      const pct = fraction === null ? '' : ` ${(fraction * 100).toFixed(1)}%`;
      stream.write(
        `\r${label}:${pct} ${done.toLocaleString('en-US')} ${unit}, ${Math.round(rate).toLocaleString('en-US')}/s, ETA ${eta}\u001b[K`,
      );
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
