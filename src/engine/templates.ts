// Who uses each prompt template: per template cluster, its accounts (capped) and request
// counts. This is the compact signature that cross-account linking works on.

/** Accounts remembered per template; past this a template counts more but lists no more. */
const MAX_ACCOUNTS_PER_TEMPLATE = 4096;

export class TemplateGroup {
  readonly id: string;
  requests = 0;
  elicitationHits = 0;
  harvestHits = 0;
  firstMs: number;
  lastMs: number;
  /** account id → requests on this template. */
  readonly accounts = new Map<string, number>();
  overflowAccounts = 0;
  /** Campaign this template was judged part of, if any. */
  campaignId: string | null = null;
  /** Size and time at the last evaluation, to evaluate again only when it has grown. */
  evaluatedAccounts = 0;
  evaluatedMs = 0;

  constructor(id: string, timeMs: number) {
    this.id = id;
    this.firstMs = timeMs;
    this.lastMs = timeMs;
  }

  get accountCount(): number {
    return this.accounts.size + this.overflowAccounts;
  }

  add(accountId: string, timeMs: number, elicited: boolean, harvested: boolean): void {
    this.requests += 1;
    if (elicited) this.elicitationHits += 1;
    if (harvested) this.harvestHits += 1;
    if (timeMs > this.lastMs) this.lastMs = timeMs;
    const n = this.accounts.get(accountId);
    if (n !== undefined) this.accounts.set(accountId, n + 1);
    else if (this.accounts.size < MAX_ACCOUNTS_PER_TEMPLATE) this.accounts.set(accountId, 1);
    else this.overflowAccounts += 1;
  }
}

export class TemplateRegistry {
  private readonly groups = new Map<string, TemplateGroup>();
  /** Templates used by at least two accounts that gained requests since the linker last looked. */
  readonly dirty = new Set<TemplateGroup>();

  constructor(private readonly maxGroups = 400_000) {}

  get size(): number {
    return this.groups.size;
  }

  /** Hands over the templates that changed since the last call. */
  takeDirty(): TemplateGroup[] {
    const changed = [...this.dirty];
    this.dirty.clear();
    return changed;
  }

  get(id: string): TemplateGroup | undefined {
    return this.groups.get(id);
  }

  record(
    id: string,
    accountId: string,
    timeMs: number,
    elicited: boolean,
    harvested: boolean,
  ): TemplateGroup {
    let group = this.groups.get(id);
    if (!group) {
      group = new TemplateGroup(id, timeMs);
      this.groups.set(id, group);
    }
    group.add(accountId, timeMs, elicited, harvested);
    if (group.accounts.size >= 2) this.dirty.add(group);
    return group;
  }

  /**
   * Forgets single-account templates idle since `beforeMs` once the registry is over its cap,
   * so memory is bounded by templates in use, not by every prompt ever seen.
   */
  prune(beforeMs: number): number {
    if (this.groups.size <= this.maxGroups) return 0;
    let removed = 0;
    for (const [id, group] of this.groups) {
      if (group.accountCount <= 1 && group.lastMs < beforeMs && group.campaignId === null) {
        this.groups.delete(id);
        removed += 1;
      }
    }
    return removed;
  }
}
