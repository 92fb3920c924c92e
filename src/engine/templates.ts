// Who uses each prompt template: per template cluster, its accounts (capped) and request
// counts. This is the compact signature that cross-account linking works on.
import { DistinctCounter, hash32 } from './sketches.ts';

/** Accounts remembered per template; past this a template counts more but lists no more. */
const MAX_ACCOUNTS_PER_TEMPLATE = 4096;

export class TemplateGroup {
  readonly id: string;
  requests = 0;
  firstMs: number;
  lastMs: number;
  /** account id → requests on this template. */
  readonly accounts = new Map<string, number>();
  /** Distinct accounts past the listed ones, estimated. */
  private readonly overflow = new DistinctCounter(64);

  constructor(id: string, timeMs: number) {
    this.id = id;
    this.firstMs = timeMs;
    this.lastMs = timeMs;
  }

  get accountCount(): number {
    return this.accounts.size + this.overflow.estimate();
  }

  add(accountId: string, timeMs: number): void {
    this.requests += 1;
    if (timeMs > this.lastMs) this.lastMs = timeMs;
    const n = this.accounts.get(accountId);
    if (n !== undefined) this.accounts.set(accountId, n + 1);
    else if (this.accounts.size < MAX_ACCOUNTS_PER_TEMPLATE) this.accounts.set(accountId, 1);
    else this.overflow.add(hash32(accountId));
  }
}

export class TemplateRegistry {
  private readonly groups = new Map<string, TemplateGroup>();

  constructor(private readonly maxGroups = 400_000) {}

  get size(): number {
    return this.groups.size;
  }

  get(id: string): TemplateGroup | undefined {
    return this.groups.get(id);
  }

  record(id: string, accountId: string, timeMs: number): TemplateGroup {
    let group = this.groups.get(id);
    if (!group) {
      group = new TemplateGroup(id, timeMs);
      this.groups.set(id, group);
    }
    group.add(accountId, timeMs);
    return group;
  }

  /**
   * Forgets single-account templates idle since `beforeMs` once the registry is over its cap,
   * so memory is bounded by templates in use, not by every prompt ever seen. `keep` protects
   * templates that are part of a campaign's signature.
   */
  prune(beforeMs: number, keep: (id: string) => boolean): number {
    if (this.groups.size <= this.maxGroups) return 0;
    let removed = 0;
    for (const [id, group] of this.groups) {
      if (group.accountCount <= 1 && group.lastMs < beforeMs && !keep(id)) {
        this.groups.delete(id);
        removed += 1;
      }
    }
    return removed;
  }
}
