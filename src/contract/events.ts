// The public input contract (docs/contract.md): one definition from which the JSON Schema
// file in schema/ and the TypeScript types are both derived, so the two cannot drift.
import Type, { type Static } from 'typebox';

/** Version of the input contract; bumped on any change to the schema below. */
export const CONTRACT_VERSION = '1.0.0';

const time = Type.String({ format: 'date-time' });
const id = Type.String({ minLength: 1, maxLength: 256 });
const count = Type.Integer({ minimum: 0 });

export const RequestParams = Type.Object({
  max_tokens: Type.Optional(count),
  temperature: Type.Optional(Type.Number({ minimum: 0 })),
  top_p: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  n: Type.Optional(count),
  logprobs: Type.Optional(Type.Boolean()),
  top_logprobs: Type.Optional(count),
  thinking_budget: Type.Optional(count),
  reasoning_effort: Type.Optional(Type.String()),
  stream: Type.Optional(Type.Boolean()),
  tools: Type.Optional(count),
  tool_choice: Type.Optional(Type.String()),
  batch: Type.Optional(Type.Boolean()),
});

export const Usage = Type.Object({
  input_tokens: Type.Optional(count),
  output_tokens: Type.Optional(count),
  reasoning_tokens: Type.Optional(count),
  cached_tokens: Type.Optional(count),
});

export const RequestRecord = Type.Object({
  type: Type.Literal('request'),
  time,
  request_id: id,
  account_id: id,
  org_id: Type.Optional(id),
  api_key_id: Type.Optional(id),
  client_ip: Type.Optional(Type.String({ maxLength: 64 })),
  client_asn: Type.Optional(count),
  client_network: Type.Optional(Type.String()),
  client_country: Type.Optional(Type.String({ maxLength: 2 })),
  user_agent: Type.Optional(Type.String({ maxLength: 1024 })),
  tls_fingerprint: Type.Optional(Type.String({ maxLength: 256 })),
  model: id,
  endpoint: Type.Optional(Type.String()),
  params: Type.Optional(RequestParams),
  usage: Type.Optional(Usage),
  status: Type.Optional(Type.String()),
  finish_reason: Type.Optional(Type.String()),
  conversation_id: Type.Optional(id),
  turn: Type.Optional(Type.Integer({ minimum: 1 })),
  system: Type.Optional(Type.String()),
  prompt: Type.Optional(Type.String()),
  prompt_fp: Type.Optional(Type.String()),
  has_image: Type.Optional(Type.Boolean()),
  tool_results: Type.Optional(count),
});

export const AccountRecord = Type.Object({
  type: Type.Literal('account'),
  time,
  account_id: id,
  org_id: Type.Optional(id),
  email_domain: Type.Optional(Type.String()),
  payment_fp: Type.Optional(Type.String()),
  billing_country: Type.Optional(Type.String({ maxLength: 2 })),
  signup_ip: Type.Optional(Type.String()),
  signup_channel: Type.Optional(Type.String()),
  verification: Type.Optional(Type.String()),
});

export const ModelReleaseRecord = Type.Object({
  type: Type.Literal('model_release'),
  time,
  model: id,
});

export const ENFORCEMENT_ACTIONS = ['ban', 'suspend', 'throttle', 'reinstate', 'allowlist'] as const;

export const EnforcementRecord = Type.Object({
  type: Type.Literal('enforcement'),
  time,
  account_id: id,
  action: Type.Enum([...ENFORCEMENT_ACTIONS]),
  source: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
});

export const TrafficRecordSchema = Type.Union([
  RequestRecord,
  AccountRecord,
  ModelReleaseRecord,
  EnforcementRecord,
]);

export type RequestParams = Static<typeof RequestParams>;
export type Usage = Static<typeof Usage>;
export type RequestRecord = Static<typeof RequestRecord>;
export type AccountRecord = Static<typeof AccountRecord>;
export type ModelReleaseRecord = Static<typeof ModelReleaseRecord>;
export type EnforcementRecord = Static<typeof EnforcementRecord>;
export type EnforcementAction = (typeof ENFORCEMENT_ACTIONS)[number];
export type TrafficRecord = RequestRecord | AccountRecord | ModelReleaseRecord | EnforcementRecord;
export type RecordType = TrafficRecord['type'];

export const RECORD_SCHEMAS = {
  request: RequestRecord,
  account: AccountRecord,
  model_release: ModelReleaseRecord,
  enforcement: EnforcementRecord,
} as const;

export const RECORD_TYPES = Object.keys(RECORD_SCHEMAS) as RecordType[];

/** Values the contract names for `client_network`; other strings are kept but read as unknown. */
export const CLIENT_NETWORKS = [
  'residential',
  'mobile',
  'datacenter',
  'education',
  'business',
  'unknown',
] as const;
export type ClientNetwork = (typeof CLIENT_NETWORKS)[number];

export const SIGNUP_CHANNELS = [
  'self_serve',
  'education',
  'startup_program',
  'research_program',
  'enterprise',
  'reseller',
] as const;
export const VERIFICATION_LEVELS = ['none', 'email', 'phone', 'card', 'id', 'business'] as const;
