// The published JSON Schema documents, built from the TypeBox definitions. `npm run schema`
// writes them to schema/; a test fails when the files there fall out of step.
import { CONTRACT_VERSION, RECORD_SCHEMAS, TrafficRecordSchema } from './events.ts';
import { AccountVerdict, CampaignList, LabelRecord, OUTPUT_VERSION } from './outputs.ts';

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

function document(idName: string, title: string, version: string, body: object): Record<string, unknown> {
  return { $schema: DIALECT, $id: idName, title, 'x-version': version, ...JSON.parse(JSON.stringify(body)) };
}

export const PUBLISHED_SCHEMAS: Record<string, Record<string, unknown>> = {
  'events.schema.json': document(
    'events.schema.json',
    'LLM API traffic record',
    CONTRACT_VERSION,
    TrafficRecordSchema,
  ),
  'labels.schema.json': document(
    'labels.schema.json',
    'Ground-truth label of one account',
    OUTPUT_VERSION,
    LabelRecord,
  ),
  'accounts.schema.json': document(
    'accounts.schema.json',
    'Verdict on one account',
    OUTPUT_VERSION,
    AccountVerdict,
  ),
  'campaigns.schema.json': document(
    'campaigns.schema.json',
    'Campaigns found by an analysis',
    OUTPUT_VERSION,
    CampaignList,
  ),
};

export { RECORD_SCHEMAS };
