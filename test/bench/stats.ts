/** Median and spread of repeated timings, and a printed line comparing a subject with its baseline. */
export function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function report(label: string, subject: number[], baseline: number[], baselineLabel: string, unit = 'ms'): void {
  const m = median(subject);
  const b = median(baseline);
  console.log(
    `${label.padEnd(44)} ${m.toFixed(2).padStart(9)} ${unit}   baseline (${baselineLabel}) ${b.toFixed(2)} ${unit}   ratio ${(m / b).toFixed(2)}×`,
  );
}

/** Runs `work` `runs` times after `warmup` untimed runs; returns the durations in ms. */
export function time(work: () => void, runs = 15, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) work();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    out.push(performance.now() - t0);
  }
  return out;
}
