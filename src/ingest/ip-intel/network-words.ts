// The words by which an autonomous system's organisation name gives away its network kind,
// used only when the user stated no kind for the AS. Deliberately short and conservative: a
// name that matches nothing stays unknown, and no name is ever guessed residential or
// business, because a wrong "consumer" kind is what lets proxy traffic pass as home users.
// docs/ip-intel.md explains each list; a user's asn,kind file overrides all of it.
import type { ClientNetwork } from '../../contract/events.ts';

/**
 * Cloud, hosting and CDN operators known by name. Matched as whole words of the lower-cased
 * name, so `ovh` matches "OVH SAS" but not "Kovhost". Multi-word entries match consecutive words.
 */
export const DATACENTER_PROVIDERS: readonly string[] = [
  'amazon',
  'aws',
  'google cloud',
  'google',
  'microsoft',
  'azure',
  'digitalocean',
  'linode',
  'akamai',
  'hetzner',
  'ovh',
  'vultr',
  'choopa',
  'contabo',
  'scaleway',
  'leaseweb',
  'alibaba',
  'aliyun',
  'tencent cloud',
  'oracle',
  'softlayer',
  'cloudflare',
  'fastly',
  'rackspace',
  'equinix',
  'hostinger',
  'ionos',
  'gcore',
  'm247',
  'datacamp',
  'upcloud',
  'huawei cloud',
  'kamatera',
  'hostwinds',
  'psychz',
  'quadranet',
  'colocrossing',
];

/** Words that name hosting as such, whoever the operator is. */
export const DATACENTER_WORDS: readonly string[] = [
  'hosting',
  'hoster',
  'host',
  'cloud',
  'datacenter',
  'datacentre',
  'data center',
  'data centre',
  'server',
  'servers',
  'vps',
  'colocation',
  'colo',
  'dedicated',
];

/** Words of cellular operators' names ("Cellco Partnership DBA Verizon Wireless", "Jio"). */
export const MOBILE_WORDS: readonly string[] = [
  'mobile',
  'mobil',
  'mobility',
  'mobilfunk',
  'movil',
  'moviles',
  'wireless',
  'cellular',
  'cellco',
  'lte',
  'gsm',
  't-mobile',
];

/** Words of universities' and research-and-education networks' names. */
export const EDUCATION_WORDS: readonly string[] = [
  'university',
  'universidad',
  'universidade',
  'universite',
  'universitat',
  'universitaet',
  'universita',
  'college',
  'education',
  'educational',
  'academic',
  'academy',
  'school',
  'polytechnic',
  'institute of technology',
  'research network',
  'research and education',
  'forschungsnetz',
  'forschungsnetzes',
  'nren',
  'janet',
  'cernet',
  'renater',
  'surfnet',
  'garr',
  'rediris',
  'internet2',
  'geant',
  'aarnet',
];

/**
 * Words of access networks (Google Fiber, a cable company's cloud brand): a name holding one
 * never gets a datacenter guess, and stays unknown unless an education or mobile word names it.
 */
export const ACCESS_WORDS: readonly string[] = ['fiber', 'fibre', 'broadband', 'cable', 'dsl', 'ftth'];

/** Lists in the order they are tried: an education or mobile word beats a hosting word. */
const RULES: ReadonlyArray<readonly [ClientNetwork, readonly string[]]> = [
  ['education', EDUCATION_WORDS],
  ['mobile', MOBILE_WORDS],
  ['datacenter', DATACENTER_PROVIDERS],
  ['datacenter', DATACENTER_WORDS],
];

/** Lower-case words with accents removed: "Université" → "universite". */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .flatMap((w) => (w.includes('-') ? [w, ...w.split('-')] : [w]))
    .filter((w) => /[a-z0-9]/.test(w));
}

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) continue outer;
    return true;
  }
  return false;
}

const COMPILED = RULES.map(([kind, list]) => [kind, list.map((p) => p.split(' '))] as const);

/** The kind the organisation name states, or null when it states none this module knows. */
export function kindFromName(name: string): ClientNetwork | null {
  const words = nameWords(name);
  const access = ACCESS_WORDS.some((w) => words.includes(w));
  for (const [kind, phrases] of COMPILED) {
    if (access && kind === 'datacenter') continue;
    for (const phrase of phrases) if (containsPhrase(words, phrase)) return kind;
  }
  return null;
}
