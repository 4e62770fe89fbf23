import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OPENAPI_FILE, generateOpenApiDocument, serialiseOpenApi } from '../src/openapi/generate-openapi';

/** Writes the OpenAPI document the service publishes at /docs/openapi.json to sol005-openapi/. */
generateOpenApiDocument().then(
  (doc) => {
    const file = resolve(__dirname, '..', '..', OPENAPI_FILE);
    writeFileSync(file, serialiseOpenApi(doc));
    process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
  },
  (err) => {
    process.stderr.write(`OpenAPI export failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
