import type { QuirkLog } from './quirk-log';

/** A JSON value as found in a Swagger document. */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Keywords whose values are schemas (or maps/lists of schemas). Walking only these keeps
 * a property *named* "type", "format" or "required" (ProblemDetails has a "type") from
 * being mistaken for a keyword.
 */
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions'] as const;
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;
const SCHEMA_SINGLES = ['additionalProperties', 'not', 'items'] as const;

/** Applies `visit` to every schema node below and including `schema`, children first. */
export function mapSchema(schema: Json, visit: (node: JsonObject) => Json): Json {
  if (!isObject(schema)) return schema;
  const node: JsonObject = { ...schema };
  for (const k of SCHEMA_MAPS) {
    const m = node[k];
    if (isObject(m)) node[k] = Object.fromEntries(Object.entries(m).map(([name, s]) => [name, mapSchema(s, visit)]));
  }
  for (const k of SCHEMA_LISTS) {
    const l = node[k];
    if (Array.isArray(l)) node[k] = l.map((s) => mapSchema(s, visit));
  }
  for (const k of SCHEMA_SINGLES) {
    const s = node[k];
    if (Array.isArray(s)) node[k] = s.map((x) => mapSchema(x, visit)); // tuple form of items
    else if (isObject(s)) node[k] = mapSchema(s, visit);
  }
  return visit(node);
}

/**
 * Swagger 2.0 formats (OpenAPI 2.0 "Data Types" and ETSI's own) to ajv format names.
 * ETSI writes "URI" for ProblemDetails.type/instance, which RFC 7807 defines as URI
 * references, and "url" for Link.href, which SOL013 requires to be absolute.
 */
export const FORMAT_MAP: Record<string, string> = {
  URI: 'uri-reference',
  uri: 'uri',
  url: 'uri',
  'date-time': 'date-time',
  date: 'date',
  IP: 'ip-address',
  MAC: 'mac-address',
  CIDR: 'ip-cidr',
  int32: 'int32',
  int64: 'int64',
  float: 'float',
  double: 'double',
  byte: 'byte',
  binary: 'binary',
  password: 'password',
  uuid: 'uuid',
  email: 'email',
  hostname: 'hostname',
  ipv4: 'ipv4',
  ipv6: 'ipv6',
};

/** Swagger-only schema keywords (OpenAPI 2.0 "Schema Object, fixed fields") with no JSON Schema meaning. */
const SWAGGER_ONLY = new Set(['discriminator', 'readOnly', 'xml', 'externalDocs', 'example']);

/**
 * Turns a Swagger 2.0 Schema Object (a draft-04 dialect) into JSON Schema draft-07 for
 * ajv 8: drops x-* and Swagger-only keywords, lets `type: file` accept anything, maps
 * formats, and rewrites draft-04 boolean exclusiveMinimum/Maximum to numbers.
 * `$ref` values are left as they are; the contract resolves them.
 */
export function swaggerToJsonSchema(schema: Json, log: QuirkLog): Json {
  return mapSchema(schema, (input) => {
    const node: JsonObject = {};
    for (const [k, v] of Object.entries(input)) {
      if (k.startsWith('x-') || SWAGGER_ONLY.has(k)) continue;
      node[k] = v;
    }
    if (node.type === 'file') {
      delete node.type; // a multipart file part: nothing to check as JSON
      log.note('schema "type: file" accepted as any value');
    }
    if (typeof node.format === 'string') {
      const mapped = FORMAT_MAP[node.format];
      if (mapped) {
        if (mapped !== node.format) log.note(`format "${node.format}" read as ${mapped}`);
        node.format = mapped;
      } else {
        log.note(`unknown format "${node.format}" ignored`);
        delete node.format;
      }
    }
    for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
      if (typeof node[flag] === 'boolean') {
        if (node[flag] && typeof node[bound] === 'number') {
          node[flag] = node[bound];
          delete node[bound];
        } else {
          delete node[flag];
        }
      }
    }
    return node;
  });
}

/** Custom formats for the SOL013 common data types IpAddress, MacAddress and IpAddressPrefix. */
export function etsiFormats(isIP: (s: string) => number): Record<string, (s: string) => boolean> {
  return {
    'ip-address': (s) => isIP(s) !== 0,
    'mac-address': (s) => /^[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\1[0-9A-Fa-f]{2}){4}$/.test(s),
    'ip-cidr': (s) => {
      const m = /^(.+)\/(\d{1,3})$/.exec(s);
      if (!m) return false;
      const v = isIP(m[1]);
      return v !== 0 && Number(m[2]) <= (v === 4 ? 32 : 128);
    },
  };
}
