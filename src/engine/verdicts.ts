// Turns engine state into the output contract: one verdict per account seen and the list of
// campaigns, each with the evidence behind it.
import type { AccountVerdict, Campaign } from '../contract/outputs.ts';
import type { AccountState } from './account-state.ts';
import type { Engine } from './engine.ts';
import { evidenceLines } from './evidence.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Risk of an account outside any campaign: its own extraction traits, kept below the flag line. */
function standaloneRisk(a: AccountState): number {
  const consumer = a.requests === 0 ? 0 : a.consumerRequests / a.requests;
  const traits = [a.share(a.elicitationHits), a.share(a.harvestHits), a.ipRotation() * consumer];
  return 0.45 * (traits.reduce((x, y) => x + y, 0) / traits.length);
}

export function accountVerdict(engine: Engine, a: AccountState): AccountVerdict {
  const campaign = a.campaignId ? engine.linker.campaigns.get(a.campaignId) : undefined;
  const flagged = a.flagged && campaign !== undefined;
  return {
    account_id: a.id,
    flagged,
    score: round(flagged ? 0.5 + 0.5 * campaign.score : standaloneRisk(a)),
    campaign_id: flagged ? campaign.id : null,
    first_flagged_at: flagged && a.firstFlaggedMs !== null ? iso(a.firstFlaggedMs) : null,
    reasons: flagged ? a.reasons : a.allowlisted ? ['allowlisted by an enforcement record'] : [],
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
