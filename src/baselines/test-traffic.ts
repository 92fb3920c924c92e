// Hand-made traffic for the baseline tests: requests with sensible defaults, placed in time.
import type { BaselineAccount, BaselineRequest } from './events.ts';

export const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);
export const MINUTE = 60_000;

export function request(
  accountId: string,
  timeMs: number,
  fields: Partial<BaselineRequest> = {},
): BaselineRequest {
  return {
    kind: 'request',
    timeMs,
    accountId,
    clientIp: '198.51.100.1',
    clientNetwork: 'residential',
    inputTokens: 100,
    outputTokens: 500,
    longOutput: false,
    turn: 1,
    usesTools: false,
    ...fields,
  };
}

export function accountRecord(accountId: string, timeMs: number): BaselineAccount {
  return { kind: 'account', timeMs, accountId };
}
