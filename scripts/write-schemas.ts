// Writes the published JSON Schema files in schema/ from the TypeBox definitions.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLISHED_SCHEMAS } from '../src/contract/schemas.ts';

const dir = join(import.meta.dirname, '..', 'schema');
for (const [name, schema] of Object.entries(PUBLISHED_SCHEMAS)) {
  writeFileSync(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote schema/${name}\n`);
}
