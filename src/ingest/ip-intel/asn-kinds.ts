// Reads the user's own statement of network kinds: `asn,kind` or `asn,kind,name` per line,
// comma- or tab-separated, with an optional header and `#` comments. `AS13335` and `13335`
// both read as 13335. A kind stated here beats any guess from the AS name, and `unknown`
// stops that guess for the AS.
import { CLIENT_NETWORKS, type ClientNetwork } from '../../contract/events.ts';
import { forEachLine, isBlankOrComment, type ProblemLog } from './intel-file.ts';

export interface AsnKind {
  kind: ClientNetwork;
  name: string | null;
}

const KINDS = new Set<string>(CLIENT_NETWORKS);
const HEADER =
  /^\s*"?(asn|as|as_number|autonomous_system_number)"?\s*[,\t]\s*"?(kind|network|client_network)"?/i;

/** asn, kind and the rest of the line as the name (names hold commas: "Amazon.com, Inc."). */
function splitFields(line: string): string[] {
  const separator = line.includes('\t') ? '\t' : ',';
  const fields = line.split(separator);
  const head = fields.slice(0, 2);
  if (fields.length > 2) head.push(fields.slice(2).join(separator));
  return head.map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
}

function parseAsn(text: string): number {
  const digits = /^(?:AS)?(\d{1,10})$/i.exec(text)?.[1];
  if (digits === undefined) return -1;
  const value = Number(digits);
  return value <= 4_294_967_295 ? value : -1;
}

/** Whether the first data line of a file reads as `asn,kind`: for detecting the format. */
export function sniffAsnKinds(line: string): boolean {
  if (HEADER.test(line)) return true;
  const fields = splitFields(line);
  return (
    fields.length >= 2 && parseAsn(fields[0] as string) >= 0 && KINDS.has((fields[1] as string).toLowerCase())
  );
}

export function parseAsnKinds(text: string, problems: ProblemLog): Map<number, AsnKind> {
  const kinds = new Map<number, AsnKind>();
  const firstLines = new Map<number, number>();
  let seenData = false;
  forEachLine(text, (line, lineNo) => {
    if (isBlankOrComment(line)) return;
    if (!seenData && HEADER.test(line)) {
      seenData = true;
      return;
    }
    seenData = true;
    const fields = splitFields(line);
    if (fields.length < 2) {
      problems.add(lineNo, 'expected asn,kind or asn,kind,name, got one field');
      return;
    }
    const asn = parseAsn(fields[0] as string);
    if (asn < 0) {
      problems.add(lineNo, `${JSON.stringify(fields[0])} is not an AS number (13335 or AS13335)`);
      return;
    }
    const kind = (fields[1] as string).toLowerCase();
    if (!KINDS.has(kind)) {
      problems.add(lineNo, `kind ${JSON.stringify(fields[1])} is not one of ${CLIENT_NETWORKS.join(', ')}`);
      return;
    }
    const previous = kinds.get(asn);
    if (previous && previous.kind !== kind) {
      problems.add(
        lineNo,
        `AS${asn} is ${previous.kind} on line ${firstLines.get(asn)} and ${kind} here; kept the first`,
      );
      return;
    }
    if (!previous) {
      const name = fields[2] && fields[2].length > 0 ? fields[2] : null;
      kinds.set(asn, { kind: kind as ClientNetwork, name });
      firstLines.set(asn, lineNo);
    }
  });
  return kinds;
}
