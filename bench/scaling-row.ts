// One row of the scaling benchmark, as bench/analyze.ts writes it to JSON and
// scripts/results.ts reads it back.

export interface ScalingRow {
  scale: number;
  records: number;
  accounts: number;
  templates: number;
  seconds: number;
  eventsPerSecond: number;
  engineSeconds: number;
  readerSeconds: number;
  peakRssMb: number;
  floorEventsPerSecond: number;
}
