// The public output contract: ground-truth labels a simulator writes, and the minimum every
// analysis writes (accounts.jsonl, campaigns.json). Optional extra fields are allowed.
import Type, { type Static } from 'typebox';

export const OUTPUT_VERSION = '1.0.0';

const id = Type.String({ minLength: 1, maxLength: 256 });
const nullableTime = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

export const LabelRecord = Type.Object({
  account_id: id,
  label: Type.Union([Type.Literal('benign'), Type.Literal('attack')]),
  archetype: Type.String({ minLength: 1 }),
  operator: Type.Optional(Type.String()),
  campaign_id: Type.Optional(Type.String()),
});

export const AccountVerdict = Type.Object({
  account_id: id,
  flagged: Type.Boolean(),
  score: Type.Number({ minimum: 0, maximum: 1 }),
  campaign_id: Type.Union([Type.String(), Type.Null()]),
  first_flagged_at: nullableTime,
  reasons: Type.Array(Type.String()),
});

export const Campaign = Type.Object({
  campaign_id: Type.String({ minLength: 1 }),
  score: Type.Number({ minimum: 0, maximum: 1 }),
  accounts: Type.Array(Type.String()),
  first_seen: Type.String({ format: 'date-time' }),
  last_seen: Type.String({ format: 'date-time' }),
  requests: Type.Integer({ minimum: 0 }),
  evidence: Type.Array(Type.String()),
  /** Optional: event time at which the campaign was first recognised. */
  detected_at: Type.Optional(Type.String({ format: 'date-time' })),
});

export const CampaignList = Type.Array(Campaign);

export type LabelRecord = Static<typeof LabelRecord>;
export type AccountVerdict = Static<typeof AccountVerdict>;
export type Campaign = Static<typeof Campaign>;
