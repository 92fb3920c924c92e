// Turns engine state into the output contract: one verdict per account seen and the list of
// campaigns, each with the evidence behind it.
import type { AccountVerdict, Campaign } from '../contract/outputs.ts';
import type { AccountState } from './account-state.ts';
import type { Engine } from './engine.ts';
import { evidenceLines } from './evidence.ts';
import { accountSuspicion, isSuspicious, JOIN_SCORE, type Suspicion } from './suspicion.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const round = (x: number) => Math.round(x * 1000) / 1000;

/** The flag line: a flagged account scores 0.5 or more, any other account less. */
const FLAG_LINE = 0.5;
/** Most an account outside any campaign can score, just under the flag line. */
const MAX_UNFLAGGED = 0.49;

/**
 * Risk of an account outside any campaign, kept below the flag line: its own extraction traits
 * (reasoning-trace and harvesting requests, rotating consumer addresses), plus, when it has two or
 * more, the weight of its pool-member traits (suspicion.ts; a weight of 0.9 or more counts in
 * full). A list sorted by score then puts first the accounts most like a pool's that no pool was
 * linked to: those to challenge or watch, not to ban.
 */
function unflaggedRisk(a: AccountState, suspicion: Suspicion): number {
  const consumer = a.requests === 0 ? 0 : a.consumerRequests / a.requests;
  const traits = [a.share(a.elicitationHits), a.share(a.harvestHits), a.ipRotation() * consumer];
  const own = 0.45 * (traits.reduce((x, y) => x + y, 0) / traits.length);
  return Math.min(MAX_UNFLAGGED, own + poolTraitsRisk(suspicion));
}

/** The pool-member traits' part of `unflaggedRisk`: none for fewer than two traits. */
function poolTraitsRisk(suspicion: Suspicion): number {
  return suspicion.traits.length >= 2 ? 0.45 * Math.min(1, suspicion.score / 0.9) : 0;
}

/**
 * Why an account outside any campaign is worth watching: the pool-member traits that make it a
 * suspect the linker would join to a campaign (two or more, of weight JOIN_SCORE), though no pool
 * was linked to it. Weaker pairs of traits (a family's shared card and a new account, say) still
 * add to the score but are no reason to watch: most accounts that carry them are ordinary users.
 */
function unflaggedReasons(a: AccountState, suspicion: Suspicion): string[] {
  if (a.allowlisted) return ['allowlisted by an enforcement record'];
  if (!isSuspicious(suspicion, JOIN_SCORE)) return [];
  return [`not flagged: no pool was linked to it; its own traits: ${suspicion.traits.join('; ')}`];
}

export function accountVerdict(engine: Engine, a: AccountState): AccountVerdict {
  const campaign = a.campaignId ? engine.linker.campaigns.get(a.campaignId) : undefined;
  const flagged = a.flagged && campaign !== undefined;
  if (flagged)
    return {
      account_id: a.id,
      flagged,
      score: round(FLAG_LINE + (1 - FLAG_LINE) * campaign.score),
      campaign_id: campaign.id,
      first_flagged_at: a.firstFlaggedMs !== null ? iso(a.firstFlaggedMs) : null,
      reasons: a.reasons,
    };
  const suspicion = accountSuspicion(a, engine.suspicionContext);
  return {
    account_id: a.id,
    flagged,
    score: round(unflaggedRisk(a, suspicion)),
    campaign_id: null,
    first_flagged_at: null,
    reasons: unflaggedReasons(a, suspicion),
  };
}

export function* accountVerdicts(engine: Engine): Generator<AccountVerdict> {
  for (const account of engine.accounts.values()) {
    if (account.requests === 0 && account.signup === null) continue;
    yield accountVerdict(engine, account);
  }
}

export function campaignList(engine: Engine): Campaign[] {
  const out: Campaign[] = [];
  for (const c of engine.linker.campaigns.values()) {
    const members = [...c.accounts]
      .map((id) => engine.accounts.get(id))
      .filter((a): a is AccountState => !!a);
    if (members.length === 0) continue;
    let first = c.firstSeenMs;
    let last = Number.NEGATIVE_INFINITY;
    let requests = 0;
    let banned = 0;
    for (const a of members) {
      first = Math.min(first, a.firstMs);
      last = Math.max(last, a.lastMs);
      requests += a.requests;
      if (a.banned) banned += 1;
    }
    const evidence = [
      `${members.length} accounts flagged, ${c.templates.size} prompt template${c.templates.size === 1 ? '' : 's'} in common`,
      ...evidenceLines(c.assessment),
    ];
    if (banned > 0)
      evidence.push(`${banned} of its accounts were banned during the period; others took over their work`);
    out.push({
      campaign_id: c.id,
      score: round(c.score),
      accounts: members.map((a) => a.id),
      first_seen: iso(first),
      last_seen: iso(last),
      requests,
      evidence,
      detected_at: iso(c.detectedMs),
    });
  }
  return out.sort((a, b) => b.score - a.score || b.accounts.length - a.accounts.length);
}
