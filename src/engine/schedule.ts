// Synchronised activity: a pool's scheduler starts and stops its accounts together, so the hours
// its members are busy in, taken together, trace the schedule. An account's busy hours can then
// be scored against it, and an analyst shown it.
import type { AccountState } from './account-state.ts';
import { popcount, WINDOW_HOURS } from './sketches.ts';

export const HOUR_MS = 3_600_000;
/** Members enough to trace a group's schedule: pass a sample of this many. */
export const SCHEDULE_SAMPLE = 32;
/** How many times over the members must have covered each busy hour for idle ones to count. */
const COVERAGE = 3;
/** Chance that a pool member works an hour its whole pool idles (late finishes, clock skew). */
const SLIP = 0.05;

export interface Schedule {
  /** Busy hours, bit `h % WINDOW_HOURS` for hour h (see HourWindow). */
  hours: Uint32Array;
  /** The group's first busy hour in the window; the schedule runs from it to the last closed hour. */
  startHour: number;
  nowHour: number;
  /** Share of the hours since `startHour` in which some member was busy. */
  busyShare: number;
}

/**
 * The hours a group's members (or a sample of them) were busy in, from its first busy hour in the window to the last
 * closed hour; null when the members are too few or too quiet for their hours together to trace
 * a schedule (each busy hour covered three times over), or when it spans less than a day (the
 * idle hours could be the night before the pool started).
 */
export function traceSchedule(members: readonly AccountState[], nowHour: number): Schedule | null {
  const hours = new Uint32Array(WINDOW_HOURS / 32);
  const own = new Uint32Array(WINDOW_HOURS / 32);
  let memberHours = 0;
  for (const member of members) {
    own.fill(0);
    member.recentHours.orInto(own, nowHour);
    memberHours += popcount(own);
    for (let w = 0; w < own.length; w++) hours[w]! |= own[w]!;
  }
  let startHour = -1;
  let busy = 0;
  for (let h = nowHour - WINDOW_HOURS + 1; h < nowHour; h++) {
    const i = h % WINDOW_HOURS;
    if ((hours[i >>> 5]! & (1 << (i & 31))) === 0) continue;
    if (startHour < 0) startHour = h;
    busy += 1;
  }
  if (members.length < 2 || busy === 0 || memberHours < COVERAGE * busy || nowHour - startHour < 24)
    return null;
  return { hours, startHour, nowHour, busyShare: busy / (nowHour - startHour) };
}

/**
 * How much better the schedule explains the account's busy hours than no schedule would: a
 * log-likelihood ratio over its closed hours since the schedule's start, log(1 / busy share) for
 * each hour the group was busy too and log(0.05 / busy share) for each hour the whole group
 * idled. Negative means the account works to another schedule; 0 for a round-the-clock one.
 */
export function scheduleFit(account: AccountState, schedule: Schedule): number {
  const own = new Uint32Array(WINDOW_HOURS / 32);
  account.recentHours.orInto(own, schedule.nowHour);
  const busy = Math.log(1 / schedule.busyShare);
  const idle = Math.log(SLIP / schedule.busyShare);
  let fit = 0;
  for (let h = schedule.startHour; h < schedule.nowHour; h++) {
    const i = h % WINDOW_HOURS;
    const bit = 1 << (i & 31);
    if ((own[i >>> 5]! & bit) !== 0) fit += (schedule.hours[i >>> 5]! & bit) !== 0 ? busy : idle;
  }
  return fit;
}
