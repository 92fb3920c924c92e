// Everything an account is when created: ids, org, payment instrument, e-mail domain,
// sign-up channel. Every population draws these through the same functions, so no id
// format or field value marks an attacker by itself.
import type { AccountRecord } from '../contract/events.ts';
import type { PopulationModel } from './population.ts';
import { Rng } from './rng.ts';

const WORDS = [
  'blue',
  'north',
  'river',
  'stone',
  'bright',
  'cloud',
  'pixel',
  'maple',
  'iron',
  'cedar',
  'nova',
  'delta',
  'harbor',
  'quantum',
  'lumen',
  'atlas',
  'orbit',
  'summit',
  'fox',
  'pine',
];
const UNIVERSITIES = [
  'mit.edu',
  'stanford.edu',
  'berkeley.edu',
  'ox.ac.uk',
  'cam.ac.uk',
  'tsinghua.edu.cn',
  'pku.edu.cn',
  'zju.edu.cn',
  'nus.edu.sg',
  'u-tokyo.ac.jp',
  'ethz.ch',
  'utoronto.ca',
  'umich.edu',
  'tum.de',
  'hku.hk',
  'kaist.ac.kr',
];
const STARTUP_TLDS = ['.ai', '.io', '.dev', '.co', '.app'];

export interface Identity {
  accountId: string;
  orgId: string | undefined;
  apiKeyId: string;
  paymentFp: string | undefined;
  emailDomain: string;
  billingCountry: string;
  channel: string;
  verification: string;
}

/** A stable pseudo-random token for (population, purpose, group): how shared things stay shared. */
function groupToken(model: PopulationModel, purpose: number, group: number, length: number): string {
  return new Rng(model.seed ^ purpose, group + 1).token(length);
}

function domainFor(kind: string, model: PopulationModel, group: number, rng: Rng): string {
  switch (kind) {
    case '@company': {
      const r = new Rng(model.seed ^ 0xc0, group + 1);
      return `${r.pick(WORDS)}${r.pick(WORDS)}${r.pick(['.com', '.com', '.net', '.co.uk', '.de', '.cn'])}`;
    }
    case '@startup': {
      const r = new Rng(model.seed ^ 0x57, group + 1);
      return `${r.pick(WORDS)}${r.pick(['', 'ly', 'hq', 'labs'])}${r.pick(STARTUP_TLDS)}`;
    }
    case '@university':
      return rng.pick(UNIVERSITIES);
    default:
      return kind;
  }
}

export function newIdentity(model: PopulationModel, group: number, rng: Rng): Identity {
  const grouping = model.spec.grouping;
  const org = grouping?.org ?? 'account';
  const payment = grouping?.payment ?? 'account';
  const verification = model.verification.pick(rng);
  const id: Identity = {
    accountId: `acct_${rng.token(22)}`,
    orgId:
      org === 'none'
        ? undefined
        : org === 'group'
          ? `org_${groupToken(model, 0x06, group, 20)}`
          : `org_${rng.token(20)}`,
    apiKeyId: `key_${rng.token(18)}`,
    // Accounts verified below `card` have not registered a payment instrument yet.
    paymentFp:
      payment === 'none' || verification === 'none' || verification === 'email'
        ? undefined
        : payment === 'group'
          ? `pm_${groupToken(model, 0x9a, group, 24)}`
          : `pm_${rng.token(24)}`,
    emailDomain: '',
    billingCountry: model.billing.pick(rng),
    channel: model.channels.pick(rng),
    verification,
  };
  id.emailDomain = domainFor(model.emailDomains.pick(rng), model, group, rng);
  return id;
}

export function accountRecord(id: Identity, time: string, signupIp: string): AccountRecord {
  const record: AccountRecord = { type: 'account', time, account_id: id.accountId };
  if (id.orgId) record.org_id = id.orgId;
  record.email_domain = id.emailDomain;
  if (id.paymentFp) record.payment_fp = id.paymentFp;
  record.billing_country = id.billingCountry;
  record.signup_ip = signupIp;
  record.signup_channel = id.channel;
  record.verification = id.verification;
  return record;
}
