// The scenario file format: a TypeBox schema (types derived from it), loading by built-in name
// or path, and validation that names the failing path and why in one line.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import Type, { type Static } from 'typebox';
import { type DistSpec, distProblem } from './distributions.ts';

export const SCENARIO_VERSION = 1;

const Weights = Type.Record(Type.String(), Type.Number({ minimum: 0 }));
const Pair = Type.Array(Type.Number(), { minItems: 2, maxItems: 2 });
const Dist = Type.Object(
  {
    const: Type.Optional(Type.Number()),
    uniform: Type.Optional(Pair),
    lognormal: Type.Optional(Pair),
    exp: Type.Optional(Type.Number({ minimum: 0 })),
    poisson: Type.Optional(Type.Number({ minimum: 0 })),
    choice: Type.Optional(Weights),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    int: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const strict = { additionalProperties: false } as const;

const Network = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    kind: Type.Enum(['residential', 'mobile', 'datacenter', 'education', 'business']),
    asn: Type.Integer({ minimum: 1 }),
    country: Type.String({ minLength: 2, maxLength: 2 }),
    prefixes: Type.Array(Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+$' }), { minItems: 1 }),
    weight: Type.Number({ minimum: 0 }),
  },
  strict,
);

const Client = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    userAgents: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
    tls: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  },
  strict,
);

const Wave = Type.Object(
  {
    /** Day offset from scenario start (may be negative), or "release" for the model release. */
    at: Type.Union([Type.Number(), Type.Literal('release')]),
    hours: Type.Number({ minimum: 0 }),
    fraction: Type.Number({ minimum: 0, maximum: 1 }),
  },
  strict,
);

const Signup = Type.Object(
  {
    /** Fraction of accounts created before the scenario starts (over the prior `historyDays`). */
    existing: Type.Number({ minimum: 0, maximum: 1 }),
    historyDays: Type.Optional(Type.Number({ minimum: 0 })),
    channels: Weights,
    verification: Weights,
    /** Literal domains, or `@company`, `@university`, `@startup` for generated ones. */
    emailDomains: Weights,
    billingCountries: Weights,
    waves: Type.Optional(Type.Array(Wave)),
  },
  strict,
);

const Grouping = Type.Object(
  {
    /** Accounts per group (families, teams, offices, card-sharing subsets). */
    size: Dist,
    org: Type.Enum(['account', 'group', 'none']),
    payment: Type.Enum(['account', 'group', 'none']),
  },
  strict,
);

const Activity = Type.Object(
  {
    /** UTC offsets in hours, weighted. */
    timezones: Weights,
    /** 24 relative weights by local hour. */
    diurnal: Type.Array(Type.Number({ minimum: 0 }), { minItems: 24, maxItems: 24 }),
    weekend: Type.Number({ minimum: 0 }),
    /** Drawn once per account. */
    sessionsPerDay: Dist,
    conversationsPerSession: Dist,
    turnsPerConversation: Dist,
    turnGapSeconds: Dist,
    conversationGapSeconds: Dist,
    /** Per-account requests per local day the account never exceeds (a provider rate limit kept under). */
    dailyCap: Type.Optional(Dist),
    activeFromDay: Type.Optional(Type.Number()),
    activeUntilDay: Type.Optional(Type.Number()),
    /** Share of accounts that stay dormant through the whole span (signed up, never call). */
    dormant: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    /** Calibrates sessionsPerDay so the population makes about this many requests at scale 1. */
    targetRequests: Type.Optional(Type.Number({ minimum: 0 })),
    /** Shared on/off windows: every account of the population runs only inside them. */
    shifts: Type.Optional(Type.Object({ onHours: Dist, offHours: Dist }, strict)),
  },
  strict,
);

const Prompts = Type.Object(
  {
    families: Weights,
    /** Share of conversations in Chinese. */
    zh: Type.Number({ minimum: 0, maximum: 1 }),
    /** Fraction of each family's templates this population uses (an operator's own prompt kit). */
    templateSubset: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    /** With --corpus: share of first turns drawn from corpus prompts of these classes. */
    corpus: Type.Optional(Type.Object({ classes: Type.Array(Type.String()), share: Type.Number() }, strict)),
  },
  strict,
);

const Params = Type.Object(
  {
    endpoints: Weights,
    maxTokens: Dist,
    temperature: Dist,
    topPShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    n: Dist,
    thinkingShare: Type.Number({ minimum: 0, maximum: 1 }),
    thinkingBudget: Dist,
    reasoningEffort: Type.Optional(Weights),
    stream: Type.Number({ minimum: 0, maximum: 1 }),
    /** Tool definitions sent when the conversation uses tools; `toolShare` of conversations do. */
    toolShare: Type.Number({ minimum: 0, maximum: 1 }),
    tools: Dist,
    imageShare: Type.Number({ minimum: 0, maximum: 1 }),
    batchShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  strict,
);

const UsageSpec = Type.Object(
  {
    outputTokens: Dist,
    reasoningTokens: Dist,
    toolResultTokens: Dist,
    errorRate: Type.Number({ minimum: 0, maximum: 1 }),
  },
  strict,
);

const Infra = Type.Object(
  {
    /**
     * home: a stable address per account (re-drawn every few days);
     * nat: each group shares `natAddresses` addresses; datacenter: a few fixed server addresses;
     * rotate_request / rotate_session: a fresh proxy exit per request or per conversation.
     */
    ipMode: Type.Enum(['home', 'nat', 'datacenter', 'rotate_request', 'rotate_session']),
    networks: Weights,
    countries: Weights,
    natAddresses: Type.Optional(Type.Integer({ minimum: 1 })),
    mobileShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    clients: Weights,
  },
  strict,
);

const Models = Type.Object(
  {
    base: Weights,
    adoption: Type.Optional(
      Type.Object(
        {
          model: Type.String(),
          share: Type.Number({ minimum: 0, maximum: 1 }),
          rampHours: Type.Number({ minimum: 0 }),
        },
        strict,
      ),
    ),
  },
  strict,
);

const Enforcement = Type.Object(
  {
    banRatePerDay: Type.Number({ minimum: 0 }),
    lifetimeDays: Type.Optional(Dist),
    respawn: Type.Boolean(),
    respawnMinutes: Dist,
    reasons: Weights,
  },
  strict,
);

const Mix = Type.Object(
  {
    /** Share of requests that are the reseller's ordinary customers' traffic. */
    share: Type.Number({ minimum: 0, maximum: 1 }),
    families: Weights,
    zh: Type.Number({ minimum: 0, maximum: 1 }),
  },
  strict,
);

export const Population = Type.Object(
  {
    archetype: Type.String({ minLength: 1, pattern: '^[a-z0-9_]+$' }),
    label: Type.Enum(['benign', 'attack']),
    operator: Type.Optional(Type.String()),
    campaign: Type.Optional(Type.String()),
    enabled: Type.Optional(Type.Boolean()),
    /** Accounts at scale 1; for attack pools, the concurrent slots (respawns add accounts). */
    accounts: Type.Number({ minimum: 0 }),
    signup: Signup,
    grouping: Type.Optional(Grouping),
    activity: Activity,
    prompts: Prompts,
    params: Params,
    usage: UsageSpec,
    infra: Infra,
    models: Models,
    enforcement: Type.Optional(Enforcement),
    mix: Type.Optional(Mix),
  },
  strict,
);

export const ScenarioSchema = Type.Object(
  {
    version: Type.Literal(SCENARIO_VERSION),
    name: Type.String({ minLength: 1 }),
    description: Type.Optional(Type.String()),
    start: Type.String({ pattern: '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$' }),
    days: Type.Number({ exclusiveMinimum: 0, maximum: 366 }),
    releases: Type.Array(Type.Object({ model: Type.String({ minLength: 1 }), day: Type.Number() }, strict)),
    networks: Type.Array(Network, { minItems: 1 }),
    clients: Type.Array(Client, { minItems: 1 }),
    populations: Type.Array(Population, { minItems: 1 }),
  },
  strict,
);

export type Scenario = Static<typeof ScenarioSchema>;
export type PopulationSpec = Static<typeof Population>;

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; reason: string };

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(ScenarioSchema as object);

function where(path: string): string {
  return path ? path.slice(1).replaceAll('/', '.') : '(top level)';
}

// Union branches produce noise; the most specific (longest path) error is the one to show.
function bestError(errors: ErrorObject[]): string {
  const sorted = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length);
  const e = sorted.find((x) => x.keyword !== 'anyOf') ?? sorted[0];
  if (!e) return 'does not match the scenario schema';
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties')
    return `${where(e.instancePath)}: unknown field ${String(p.additionalProperty)}`;
  if (e.keyword === 'required') return `${where(e.instancePath)}: missing field ${String(p.missingProperty)}`;
  return `${where(e.instancePath)}: ${e.message ?? 'is invalid'}`;
}

function walkDists(value: unknown, path: string, out: string[]): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walkDists(v, `${path}.${i}`, out);
    return;
  }
  const keys = Object.keys(value);
  if (
    keys.some((k) => ['const', 'uniform', 'lognormal', 'exp', 'poisson'].includes(k)) ||
    'choice' in value
  ) {
    const problem = distProblem(value as DistSpec);
    if (problem) out.push(`${path.slice(1)}: ${problem}`);
    return;
  }
  for (const k of keys) walkDists((value as Record<string, unknown>)[k], `${path}.${k}`, out);
}

/** Validates a parsed scenario: schema first, then distribution shapes and cross-field sense. */
export function checkScenario(value: unknown): ScenarioResult {
  if (!validate(value)) return { ok: false, reason: bestError(validate.errors ?? []) };
  const scenario = value as Scenario;
  const problems: string[] = [];
  walkDists(scenario.populations, '.populations', problems);
  if (problems[0]) return { ok: false, reason: problems[0] };
  // Names that reach the output are written without escaping (see serialize.ts), so they must be plain.
  const plain = (text: string) =>
    text.length > 0 && !/["\\]/.test(text) && ![...text].some((c) => c.charCodeAt(0) < 32);
  const names: [string, string][] = [
    ...scenario.clients.flatMap((c, i) =>
      [...c.userAgents, ...c.tls].map((v) => [`clients.${i}`, v] as [string, string]),
    ),
    ...scenario.releases.map((r, i) => [`releases.${i}.model`, r.model] as [string, string]),
    ...scenario.networks.map((n, i) => [`networks.${i}.country`, n.country] as [string, string]),
    ...scenario.populations.flatMap((p, i) =>
      [...Object.keys(p.models.base), ...Object.keys(p.params.endpoints)].map(
        (v) => [`populations.${i}`, v] as [string, string],
      ),
    ),
  ];
  for (const [path, value] of names) {
    if (!plain(value))
      return {
        ok: false,
        reason: `${path}: ${JSON.stringify(value)} may not contain quotes, backslashes or control characters`,
      };
  }
  const networkNames = new Set(scenario.networks.map((n) => n.name));
  const networkKinds = new Set(scenario.networks.map((n) => n.kind));
  const clientNames = new Set(scenario.clients.map((c) => c.name));
  const released = new Set(scenario.releases.map((r) => r.model));
  for (const [i, pop] of scenario.populations.entries()) {
    const at = `populations.${i} (${pop.archetype})`;
    for (const n of Object.keys(pop.infra.networks)) {
      if (!networkNames.has(n) && !networkKinds.has(n as never))
        return { ok: false, reason: `${at}.infra.networks: ${n} is neither a network name nor a kind` };
    }
    for (const c of Object.keys(pop.infra.clients)) {
      if (!clientNames.has(c)) return { ok: false, reason: `${at}.infra.clients: no client named ${c}` };
    }
    if (pop.models.adoption && !released.has(pop.models.adoption.model))
      return {
        ok: false,
        reason: `${at}.models.adoption.model: ${pop.models.adoption.model} is never released`,
      };
    if (pop.label === 'attack' && (!pop.operator || !pop.campaign))
      return { ok: false, reason: `${at}: attack populations need operator and campaign` };
  }
  return { ok: true, scenario };
}

const here = dirname(fileURLToPath(import.meta.url));
/** Built-in scenarios live as plain files in the repository's scenarios/ folder. */
export const BUILTIN_DIR = resolve(here, '../../scenarios');

/** Loads a built-in scenario by name, or a scenario file by path. */
export function loadScenario(nameOrPath: string): ScenarioResult {
  const builtin = join(BUILTIN_DIR, `${nameOrPath}.json`);
  const file = /^[a-z0-9-]+$/.test(nameOrPath) && existsSync(builtin) ? builtin : nameOrPath;
  if (!existsSync(file)) return { ok: false, reason: `no built-in scenario or file named ${nameOrPath}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return {
      ok: false,
      reason: `${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const checked = checkScenario(parsed);
  return checked.ok ? checked : { ok: false, reason: `${file}: ${checked.reason}` };
}
