import type { QuirkLog } from './quirk-log';
import { isObject, mapSchema, type Json, type JsonObject } from './swagger-schema.converter';

/**
 * Fixes for defects of ETSI's generated SOL005 Swagger bundles (V2.4.1, V2.7.1) that
 * would make a conforming NFVO fail, or make any body pass. Each fix is narrow, named
 * after the SOL005/SOL013 text it restores, and logged, so a test can print what the
 * contract differs from ETSI's file. `loadEtsiContract(…, { corrections: false })`
 * validates against the file as published.
 */

/**
 * ETSI's generator emits bodies as `{type: object, properties: {NsdInfo: <schema>}}`
 * (requests also with `required: [NsdInfo]`): a wrapper object named after the data
 * type. SOL005 bodies are the bare type (e.g. GET /ns_descriptors/{nsdInfoId} returns
 * an NsdInfo), and without `required` the wrapper lets any object pass. Only a root
 * (or root array items) with exactly one UpperCamelCase member is unwrapped: SOL005
 * attribute names are lowerCamelCase, type names UpperCamelCase.
 */
export function unwrapTypeWrapper(schema: Json, log: QuirkLog): Json {
  if (!isObject(schema)) return schema;
  const inner = wrapped(schema);
  if (inner) {
    log.note('body schema wrapped in an object named after its type; unwrapped', inner[1]);
    return inner[0];
  }
  if (schema.type === 'array' && isObject(schema.items)) {
    const item = wrapped(schema.items);
    if (item) {
      log.note('array items wrapped in an object named after their type; unwrapped', item[1]);
      return { ...schema, items: item[0] };
    }
  }
  return schema;
}

function wrapped(schema: JsonObject): [JsonObject, string] | undefined {
  const props = schema.properties;
  if (!isObject(props)) return undefined;
  const names = Object.keys(props);
  if (names.length !== 1 || !/^[A-Z]/.test(names[0])) return undefined;
  if (Object.keys(schema).some((k) => !['type', 'properties', 'required', 'description'].includes(k))) return undefined;
  if (schema.type !== undefined && schema.type !== 'object') return undefined;
  const req = schema.required;
  if (req !== undefined && !(Array.isArray(req) && req.every((r) => r === names[0]))) return undefined;
  const inner = props[names[0]];
  return isObject(inner) ? [inner, names[0]] : undefined;
}

/** Enumeration values misspelt in the bundles, and the value SOL005 defines. */
const ENUM_FIXES: ReadonlyArray<{ from: string; to: string; when: (values: Json[]) => boolean; why: string }> = [
  {
    from: 'ONBOARDING',
    to: 'ONBOARDED',
    when: (v) => v.includes('UPLOADING') && v.includes('PROCESSING'),
    why: 'PnfdOnboardingStateType is CREATED | UPLOADING | PROCESSING | ONBOARDED, as NsdOnboardingStateType',
  },
  { from: 'PV4', to: 'IPV4', when: (v) => v.includes('PV6'), why: 'IpOverEthernetAddressData type is IPV4 | IPV6' },
  { from: 'PV6', to: 'IPV6', when: (v) => v.includes('PV4') || v.includes('IPV4'), why: 'IpOverEthernetAddressData type is IPV4 | IPV6' },
  { from: 'ADD SAP', to: 'ADD_SAP', when: (v) => v.includes('REMOVE_SAP'), why: 'UpdateNsRequest.updateType values use underscores (ADD_SAP beside REMOVE_SAP)' },
];

/** `required` names that are typos of a declared property. Other undeclared names are dropped. */
const REQUIRED_TYPOS: Record<string, string> = {
  // ProblemDetails in the NSD and NS FM bundles; SOL013 cl. 6.3 makes status mandatory.
  statussss: 'status',
};

/** Deep fixes inside any schema. */
export function correctSchema(schema: Json, log: QuirkLog): Json {
  return mapSchema(schema, (input) => {
    const node = { ...input };
    fixRequired(node, log);
    fixEnum(node, log);
    fixUserDefinedData(node, log);
    fixOperationParams(node, log);
    return node;
  });
}

function fixRequired(node: JsonObject, log: QuirkLog): void {
  if (!Array.isArray(node.required) || !isObject(node.properties)) return;
  const props = node.properties;
  const fixed: Json[] = [];
  for (const r of node.required) {
    if (typeof r !== 'string' || Object.prototype.hasOwnProperty.call(props, r)) {
      fixed.push(r);
    } else if (REQUIRED_TYPOS[r] && Object.prototype.hasOwnProperty.call(props, REQUIRED_TYPOS[r])) {
      log.note(`required "${r}" is a typo of "${REQUIRED_TYPOS[r]}" (corrected)`);
      fixed.push(REQUIRED_TYPOS[r]);
    } else {
      // A name no declared property has: a producer following the declared properties could never satisfy it.
      log.note(`required "${r}" is not a declared property; dropped`, `declared: ${Object.keys(props).join(' ')}`);
    }
  }
  node.required = [...new Set(fixed)];
}

function fixEnum(node: JsonObject, log: QuirkLog): void {
  if (!Array.isArray(node.enum)) return;
  const values = node.enum;
  const out = values.map((v) => {
    const fix = ENUM_FIXES.find((f) => f.from === v && f.when(values));
    if (!fix) return v;
    log.note(`enum value "${fix.from}" corrected to "${fix.to}": ${fix.why}`);
    return fix.to;
  });
  node.enum = [...new Set(out)];
}

function fixUserDefinedData(node: JsonObject, log: QuirkLog): void {
  if (!isObject(node.properties)) return;
  const udd = node.properties.userDefinedData;
  if (!isObject(udd) || udd.type !== 'array') return;
  // SOL005 types userDefinedData as KeyValuePairs, a JSON object (SOL013 common data types), as NsdInfo in the same bundle does.
  log.note('userDefinedData declared as an array; corrected to a KeyValuePairs object');
  node.properties = { ...node.properties, userDefinedData: { type: 'object', description: 'KeyValuePairs' } };
}

function fixOperationParams(node: JsonObject, log: QuirkLog): void {
  if (!isObject(node.properties)) return;
  const op = node.properties.operationParams;
  if (!isObject(op) || op.type !== 'string' || !Array.isArray(op.enum)) return;
  // NsLcmOpOcc.operationParams is "formatted according to the request data type of the related LCM operation"
  // (its own description): an object such as InstantiateNsRequest; the V2.4.1 bundle copied NsLcmOpType's enum there.
  log.note('NsLcmOpOcc.operationParams declared as the NsLcmOpType enum; corrected to the request object its description names');
  node.properties = { ...node.properties, operationParams: { type: 'object', description: op.description } };
}

/** ProblemDetails as the bundles inline it (SOL013 cl. 6.3). */
export function isProblemDetails(schema: Json | undefined): boolean {
  return isObject(schema) && isObject(schema.properties) && 'status' in schema.properties && 'detail' in schema.properties && 'instance' in schema.properties;
}

/**
 * Response-level fixes: returns the schema to use for one declared response, or
 * undefined for "no body".
 */
export function correctResponseSchema(method: string, status: string, schema: Json | undefined, log: QuirkLog): Json | undefined {
  if (schema === undefined) return undefined;
  if (status === '202') {
    // SOL005: a 202 Accepted of a task or upload carries no body (only Location for NS LCM);
    // the V2.4.1 NS LCM bundle copies the NsInstance schema there.
    log.note(`202 response declares a body schema; SOL005 says the 202 body is empty (removed)`);
    return undefined;
  }
  if (status === '206' && isProblemDetails(schema)) {
    // 206 Partial Content is a byte range of the file (RFC 7233), never a ProblemDetails.
    log.note('206 response declares a ProblemDetails schema; a partial content body is raw bytes (removed)');
    return undefined;
  }
  if (method !== 'get' && status.startsWith('2') && isObject(schema) && schema.type === 'array' && isObject(schema.items)) {
    // Only GET on a container returns a list in SOL005; PATCH returns the modifications, POST the one created resource.
    log.note('non-GET success response declared as an array; SOL005 returns a single object (items used)', `${method.toUpperCase()} ${status}`);
    return schema.items;
  }
  return schema;
}
