import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ProblemDetailsDto } from '../sol013/problem-details.dto';

/** The OpenAPI document is generated from the controllers; sol005-openapi/ holds the committed copy. */
export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('NFVO northbound API (ETSI GS NFV-SOL005)')
    .setDescription(
      'SOL005 V4.5.1 APIs on …/v2 routes and SOL005 V2.4.1 on …/v1 routes, SOL013 common behaviour ' +
        '(Version header, ProblemDetails, filter, attribute selectors, paging). Tokens: POST /oauth2/token (client credentials).',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const doc = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetailsDto] });
  return sortKeys(doc) as OpenAPIObject;
}

export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'docs/openapi.json', yamlDocumentUrl: 'docs/openapi.yaml' });
}

/** Stable key order, so the committed document diffs cleanly and the staleness test is exact. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}
