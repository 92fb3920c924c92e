import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindFromName, nameWords } from './network-words.ts';

describe('network kind from an AS organisation name', () => {
  it.each([
    ['AMAZON-02 - Amazon.com, Inc.', 'datacenter'],
    ['GOOGLE-CLOUD-PLATFORM - Google LLC', 'datacenter'],
    ['HETZNER-AS Hetzner Online GmbH', 'datacenter'],
    ['OVH SAS', 'datacenter'],
    ['DIGITALOCEAN-ASN', 'datacenter'],
    ['Example Hosting Ltd', 'datacenter'],
    ['FASTVPS Server Co', 'datacenter'],
    ['T-MOBILE-AS21928 - T-Mobile USA, Inc.', 'mobile'],
    ['CELLCO-PART - Cellco Partnership DBA Verizon Wireless', 'mobile'],
    ['China Mobile communications corporation', 'mobile'],
    ['Telefonica Moviles Chile', 'mobile'],
    ['UCB - University of California at Berkeley', 'education'],
    ['Université de Montréal', 'education'],
    ['MIT-GATEWAYS - Massachusetts Institute of Technology', 'education'],
    ['DFN Verein zur Foerderung eines Deutschen Forschungsnetzes e.V.', 'education'],
    ['JANET Jisc Services Limited', 'education'],
  ])('%s → %s', (name, kind) => {
    expect(kindFromName(name)).toBe(kind);
  });

  it.each([
    'COMCAST-7922 - Comcast Cable Communications, LLC',
    'GOOGLE-FIBER - Google Fiber Inc.',
    'Deutsche Telekom AG',
    'ORANGE-FR Orange S.A.',
    'Kovhost Networks',
    'Some Cloudy Company',
    '',
  ])('%s stays unknown: no residential or business guess, no partial-word match', (name) => {
    expect(kindFromName(name)).toBeNull();
  });

  it('splits names into lower-case words, hyphenated words also into their parts', () => {
    expect(nameWords('T-MOBILE-AS21928 - Université')).toEqual([
      't-mobile-as21928',
      't',
      'mobile',
      'as21928',
      'universite',
    ]);
  });

  it('classifies every example in docs/ip-intel.md as the table there says', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'ip-intel.md'), 'utf8');
    const table = doc.slice(doc.indexOf('| AS organisation name | kind |'));
    const rows = [...table.matchAll(/^\| ([^|]+) \| (\w+) \|$/gm)].slice(1, 30);
    const end = rows.findIndex((r) => r.index > table.indexOf('\n\n'));
    const examples = rows.slice(0, end < 0 ? rows.length : end);
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const [, name, kind] of examples) expect(kindFromName(name as string) ?? 'unknown', name).toBe(kind);
  });
});
