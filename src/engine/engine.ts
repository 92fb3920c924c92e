// The streaming engine: events in event-time order update account state and template usage;
// every tick the linker looks for pools, and each request of an account can flag it at once.
// A batch replay and a live deployment run this same code, so each verdict has a time.
import { TemplateIndex, type TemplateInput } from '../signals/template-index.ts';
import { AccountState } from './account-state.ts';
import { MAX_CARD_COUNTRIES } from './evidence.ts';
import { type EventFacts, linksTemplate, type RequestFacts } from './facts.ts';
import { DEFAULT_LINKER_OPTIONS, Linker, type LinkerOptions } from './linker.ts';
import { ReorderBuffer } from './reorder.ts';
import type { SuspicionContext } from './suspicion.ts';
import { TemplateRegistry } from './templates.ts';

const DAY_MS = 86_400_000;
/** A template one account used, idle this long, can be forgotten when the registry is full. */
const TEMPLATE_IDLE_MS = 7 * DAY_MS;

export interface EngineOptions {
  /** Event time between linking passes. */
  tickMs: number;
  /** How late an event may arrive and still be put back in order. */
  latenessMs: number;
  linker: LinkerOptions;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  tickMs: 10 * 60_000,
  latenessMs: 15 * 60_000,
  linker: DEFAULT_LINKER_OPTIONS,
};

export interface EngineCounters {
  events: number;
  requests: number;
  lateEvents: number;
  firstMs: number;
  lastMs: number;
}

export class Engine {
  readonly accounts = new Map<string, AccountState>();
  readonly templates = new TemplateRegistry();
  readonly index = new TemplateIndex();
  readonly releases = new Map<string, number>();
  /** Accounts created with each payment instrument. */
  readonly paymentAccounts = new Map<string, number>();
  /** Home countries of the accounts at work on each payment instrument (see `addCountry`). */
  readonly paymentCountries = new Map<string, string[]>();
  /** What judging an account's suspicion needs beyond the account: the linker's and the verdicts'. */
  readonly suspicionContext: SuspicionContext = {
    paymentAccounts: this.paymentAccounts,
    paymentCountries: this.paymentCountries,
  };
  readonly linker: Linker;
  readonly counters: EngineCounters = {
    events: 0,
    requests: 0,
    lateEvents: 0,
    firstMs: Number.POSITIVE_INFINITY,
    lastMs: Number.NEGATIVE_INFINITY,
  };
  private readonly reorder: ReorderBuffer<EventFacts>;
  private nextTickMs = Number.NEGATIVE_INFINITY;
  private readonly apply = (event: EventFacts) => this.applyInOrder(event);

  constructor(private readonly options: EngineOptions = DEFAULT_ENGINE_OPTIONS) {
    this.linker = new Linker(this.accounts, this.templates, this.suspicionContext, options.linker);
    this.reorder = new ReorderBuffer(options.latenessMs);
  }

  /** Takes events in any order; those within the lateness window are applied in time order. */
  push(event: EventFacts): void {
    this.reorder.push(event, this.apply);
  }

  /** Applies everything still buffered and runs a last linking pass. */
  finish(): void {
    this.reorder.flush(this.apply);
    this.counters.lateEvents = this.reorder.late;
    if (Number.isFinite(this.counters.lastMs)) {
      this.linker.tick(this.counters.lastMs);
      this.linker.reassess(this.counters.lastMs);
    }
  }

  account(id: string): AccountState {
    let state = this.accounts.get(id);
    if (!state) {
      state = new AccountState(id);
      this.accounts.set(id, state);
    }
    return state;
  }

  private applyInOrder(event: EventFacts): void {
    const t = event.timeMs;
    if (t >= this.nextTickMs) {
      // Link on what was known before this event's tick boundary; verdicts carry that time.
      if (Number.isFinite(this.nextTickMs)) {
        while (this.nextTickMs <= t) {
          this.linker.tick(this.nextTickMs);
          if (this.nextTickMs % DAY_MS === 0) {
            this.templates.prune(this.nextTickMs - TEMPLATE_IDLE_MS, (id) =>
              this.linker.templateCampaign.has(id),
            );
          }
          this.nextTickMs += this.options.tickMs;
        }
      } else {
        this.nextTickMs = Math.ceil(t / this.options.tickMs) * this.options.tickMs;
      }
    }
    this.counters.events += 1;
    if (t < this.counters.firstMs) this.counters.firstMs = t;
    if (t > this.counters.lastMs) this.counters.lastMs = t;
    switch (event.type) {
      case 'request':
        this.onRequest(event);
        break;
      case 'account': {
        const account = this.account(event.record.account_id);
        const payment = event.record.payment_fp;
        if (payment && account.signup === null) {
          this.paymentAccounts.set(payment, (this.paymentAccounts.get(payment) ?? 0) + 1);
          if (account.homeCountry !== null) addCountry(this.paymentCountries, payment, account.homeCountry);
        }
        account.onSignup(event.record, t);
        break;
      }
      case 'model_release':
        if (!this.releases.has(event.model)) this.releases.set(event.model, t);
        break;
      case 'enforcement': {
        const account = this.account(event.record.account_id);
        if (event.record.action === 'ban') {
          account.banned = true;
          this.linker.onBan(account);
        } else if (event.record.action === 'reinstate') account.banned = false;
        else if (event.record.action === 'allowlist') this.linker.onAllowlist(account);
        break;
      }
    }
  }

  private onRequest(r: RequestFacts): void {
    this.counters.requests += 1;
    const { templateId, sketch, tokens } = r.signals.template;
    let templateKey: string | null = null;
    if (templateId !== null && linksTemplate(r.turn, templateId, tokens)) {
      const input: TemplateInput = {
        templateId,
        ...(sketch ? { sketch } : {}),
        ...(tokens === undefined ? {} : { tokens }),
      };
      templateKey = this.index.assign(input)?.clusterId ?? null;
    }
    const account = this.account(r.accountId);
    const homeless = account.homeCountry === null;
    account.onRequest(r, templateKey, this.releases);
    if (homeless && account.homeCountry !== null) {
      const payment = account.paymentFp();
      if (payment !== null) addCountry(this.paymentCountries, payment, account.homeCountry);
    }
    if (templateKey !== null) {
      this.templates.record(templateKey, account.id, r.timeMs);
    }
    this.linker.onRequest(account, templateKey, r.timeMs);
  }
}

/** Adds a country to a payment instrument's list of its accounts' home countries. */
function addCountry(countries: Map<string, string[]>, payment: string, country: string): void {
  const list = countries.get(payment);
  if (list === undefined) countries.set(payment, [country]);
  else if (list.length < MAX_CARD_COUNTRIES && !list.includes(country)) list.push(country);
}
