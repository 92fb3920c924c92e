// A small hand-made run shared by the latency, score-run and CLI tests: two operators, a ban and
// three respawned accounts, with every expected figure worked out by hand in docs/eval.md terms.

import type { AccountVerdict, LabelRecord } from '../../contract/outputs.ts';
import type { EventFields } from '../event-facts.ts';

const at = (hhmm: string): string => `2026-02-01T${hhmm}:00.000Z`;

export const handLabels: LabelRecord[] = [
  { account_id: 'k1', label: 'attack', archetype: 'hydra', operator: 'op1', campaign_id: 'K1' },
  { account_id: 'k2', label: 'attack', archetype: 'hydra', operator: 'op1', campaign_id: 'K1' },
  { account_id: 'k3', label: 'attack', archetype: 'hydra', operator: 'op1', campaign_id: 'K1' },
  { account_id: 'k4', label: 'attack', archetype: 'hydra', operator: 'op1', campaign_id: 'K1' },
  { account_id: 'k5', label: 'attack', archetype: 'hydra', operator: 'op1', campaign_id: 'K1' },
  { account_id: 'm1', label: 'attack', archetype: 'reseller_mix', operator: 'op2', campaign_id: 'K2' },
  { account_id: 'm2', label: 'attack', archetype: 'reseller_mix', operator: 'op2', campaign_id: 'K2' },
  { account_id: 'b1', label: 'benign', archetype: 'casual' },
  { account_id: 'b2', label: 'benign', archetype: 'casual' },
];

const verdict = (
  account_id: string,
  flagged: boolean,
  when: string | null,
  campaign: string | null,
): AccountVerdict => ({
  account_id,
  flagged,
  score: flagged ? 0.9 : 0.1,
  campaign_id: campaign,
  first_flagged_at: when === null ? null : at(when),
  reasons: [],
});

export const handVerdicts: AccountVerdict[] = [
  verdict('k1', true, '00:50', 'C1'),
  verdict('k2', false, null, null),
  verdict('k3', true, '01:25', 'C1'),
  verdict('k4', false, null, null),
  verdict('k5', true, '02:15', 'C1'),
  verdict('m1', true, null, 'C2'),
  verdict('m2', true, '04:30', 'C2'),
  verdict('b1', false, null, null),
  verdict('b2', true, '05:00', 'C3'),
];

const request = (account_id: string, request_id: string, hhmm: string): EventFields =>
  ({ type: 'request', time: at(hhmm), account_id, request_id, model: 'm' }) as EventFields;
const account = (account_id: string, hhmm: string): EventFields => ({
  type: 'account',
  time: at(hhmm),
  account_id,
});
const ban = (account_id: string, hhmm: string): EventFields => ({
  type: 'enforcement',
  time: at(hhmm),
  account_id,
  action: 'ban',
});

/** Deliberately out of time order, with one request delivered twice, as the contract allows. */
export const handEvents: EventFields[] = [
  account('k1', '00:00'),
  account('k2', '00:00'),
  request('k1', 'r-k1-1', '00:10'),
  request('k2', 'r-k2-1', '00:15'),
  request('k1', 'r-k1-2', '00:20'),
  ban('b1', '00:30'),
  ban('k1', '01:00'),
  account('k3', '01:05'),
  request('k3', 'r-k3-1', '01:10'),
  request('k3', 'r-k3-2', '01:20'),
  request('k3', 'r-k3-2', '01:20'),
  request('k3', 'r-k3-3', '01:30'),
  request('k3', 'r-k3-4', '02:00'),
  account('k4', '01:30'),
  request('k4', 'r-k4-1', '01:40'),
  request('k4', 'r-k4-2', '01:50'),
  request('k4', 'r-k4-3', '02:10'),
  request('k5', 'r-k5-1', '02:15'),
  request('k5', 'r-k5-2', '02:20'),
  ban('k3', '02:30'),
  account('m1', '02:50'),
  request('m1', 'r-m1-1', '03:00'),
  account('m2', '04:00'),
  request('m2', 'r-m2-1', '04:10'),
  account('b2', '01:00'),
  request('b2', 'r-b2-1', '01:10'),
  request('k1', 'r-k1-0', '00:05'),
];
