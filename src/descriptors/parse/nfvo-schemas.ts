import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { findRepoRoot } from './repo-root';

const FILES = { common: 'nfvo-common.schema.json', service: 'nfvo-service.schema.json', function: 'nfvo-function.schema.json' } as const;

let compiled: { service: ValidateFunction; function: ValidateFunction } | undefined;

/**
 * The published JSON Schemas of the nfvo format (descriptors/schemas/), compiled once. They are
 * the single definition of the format: the importer validates against exactly what users get.
 * A missing schema is a broken installation, not a user's mistake, so it throws.
 */
function validators(): { service: ValidateFunction; function: ValidateFunction } {
  if (compiled) return compiled;
  const root = findRepoRoot();
  if (!root) throw new Error(`nfvo descriptor schemas: no package.json above ${__dirname}, so descriptors/schemas/ cannot be found`);
  const load = (file: string): object => JSON.parse(readFileSync(join(root, 'descriptors', 'schemas', file), 'utf8')) as object;
  // verbose: errors carry the offending data and schema, for messages that say what was found.
  // strictRequired off: the dependency schema's if/then requires members declared beside it.
  const ajv = new Ajv({ allErrors: true, discriminator: true, verbose: true, strict: true, strictRequired: false });
  addFormats(ajv, ['uri']);
  ajv.addSchema(load(FILES.common));
  compiled = { service: ajv.compile(load(FILES.service)), function: ajv.compile(load(FILES.function)) };
  return compiled;
}

/** Schema violations of an nfvo document of the given kind (empty when valid). */
export function validateNfvo(kind: 'service' | 'function', doc: unknown): ErrorObject[] {
  const validate = validators()[kind];
  return validate(doc) ? [] : [...(validate.errors ?? [])];
}
