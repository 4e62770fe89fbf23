import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { correctResponseSchema, correctSchema, unwrapTypeWrapper } from './etsi-bundle.corrections';
import { QuirkLog } from './quirk-log';
import { bundleFile, type EtsiBundle, type EtsiVersion } from './reference-data.locator';
import { etsiFormats, isObject, mapSchema, swaggerToJsonSchema, type Json, type JsonObject } from './swagger-schema.converter';

export type { EtsiBundle, EtsiVersion } from './reference-data.locator';

export interface ValidationResult {
  valid: boolean;
  /** One line per problem: `<JSON pointer in the body> <what is wrong>`. */
  errors: string[];
}
export type BodyValidator = (body: unknown) => ValidationResult;

export interface EtsiContractOptions {
  /** Apply the fixes of etsi-bundle.corrections.ts (default true). false validates against the file as published. */
  corrections?: boolean;
}

export interface EtsiOperation {
  method: string;
  /** Path template relative to basePath, e.g. /ns_descriptors/{nsdInfoId}. */
  path: string;
  statuses: string[];
  hasRequestBody: boolean;
}

/** The JSON body contract of one SOL005 API, as ETSI's Swagger 2.0 bundle states it. */
export interface EtsiContract {
  /** The bundle file (or label) it was read from. */
  readonly source: string;
  /** e.g. /nsd/v1 */
  readonly basePath: string;
  /** What was changed to make the bundle usable: see etsi-bundle.corrections.ts and swagger-schema.converter.ts. */
  readonly quirks: readonly string[];
  operations(): EtsiOperation[];
  /**
   * The JSON Schema (draft-07, as given to ajv) of a response body, or undefined when the
   * bundle declares none. `pathTemplate` may carry the basePath; parameter names may differ.
   * Throws when the bundle has no such operation or status.
   */
  responseSchema(method: string, pathTemplate: string, status: number): Json | undefined;
  /**
   * Validates a response body. Without a declared schema, 202/204 bodies must be empty
   * (SOL005) and anything else (e.g. a file download) passes.
   */
  responseValidator(method: string, pathTemplate: string, status: number): BodyValidator;
  /** JSON Schema of the request body, or undefined when the operation takes no JSON body. */
  requestSchema(method: string, pathTemplate: string): Json | undefined;
  /** Validates a request body; an operation without a body parameter accepts only an empty body. */
  requestValidator(method: string, pathTemplate: string): BodyValidator;
}

const cache = new Map<string, EtsiContract>();

/**
 * The contract of one ETSI SOL005 bundle from the shared reference folder, or undefined
 * when that folder (or the file) is absent: tests then skip, see skip-reason.ts.
 */
export function loadEtsiContract(bundle: EtsiBundle, version: EtsiVersion = '2.4.1', options: EtsiContractOptions = {}): EtsiContract | undefined {
  const file = bundleFile(bundle, version);
  if (!existsSync(file)) return undefined;
  const key = `${file}|${options.corrections !== false}`;
  let contract = cache.get(key);
  if (!contract) {
    contract = createEtsiContract(JSON.parse(readFileSync(file, 'utf8')), file, options);
    cache.set(key, contract);
  }
  return contract;
}

/** A contract from an in-memory Swagger 2.0 document (used for the bundles, and for tests of this module). */
export function createEtsiContract(doc: unknown, source: string, options: EtsiContractOptions = {}): EtsiContract {
  return new SwaggerContract(doc, source, options.corrections !== false);
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
/** SOL005 gives these responses no body. */
const EMPTY_STATUSES = new Set(['202', '204']);
const BUNDLE_ID = 'urn:nfvo:etsi-bundle';

interface OperationEntry {
  method: string;
  path: string;
  /** undefined: no JSON body parameter. */
  request: Json | undefined;
  responses: Map<string, Json | undefined>;
}

class SwaggerContract implements EtsiContract {
  readonly basePath: string;
  private readonly log = new QuirkLog();
  private readonly ops = new Map<string, OperationEntry>();
  private readonly definitions: JsonObject | undefined;
  private readonly compiled = new Map<string, ValidateFunction>();
  private ajvInstance: Ajv | undefined;

  constructor(
    private readonly doc: unknown,
    readonly source: string,
    private readonly corrections: boolean,
  ) {
    if (!isObject(doc) || doc.swagger !== '2.0' || !isObject(doc.paths)) throw new Error(`${source} is not a Swagger 2.0 document`);
    this.basePath = typeof doc.basePath === 'string' ? doc.basePath.replace(/\/+$/, '') : '';
    if (isObject(doc.definitions)) {
      this.definitions = Object.fromEntries(Object.entries(doc.definitions).map(([n, s]) => [n, this.prepare(s, false)]));
    }
    for (const [rawPath, item] of Object.entries(doc.paths)) {
      if (isObject(item)) this.indexPath(rawPath, item);
    }
  }

  get quirks(): readonly string[] {
    return this.log.list();
  }

  operations(): EtsiOperation[] {
    return [...this.ops.values()].map((o) => ({ method: o.method, path: o.path, statuses: [...o.responses.keys()], hasRequestBody: o.request !== undefined }));
  }

  responseSchema(method: string, pathTemplate: string, status: number): Json | undefined {
    const op = this.find(method, pathTemplate);
    const key = op.responses.has(String(status)) ? String(status) : 'default';
    if (!op.responses.has(key)) {
      throw new Error(`${this.source}: ${op.method.toUpperCase()} ${op.path} declares no ${status} response (declared: ${[...op.responses.keys()].join(', ')})`);
    }
    return op.responses.get(key);
  }

  responseValidator(method: string, pathTemplate: string, status: number): BodyValidator {
    const schema = this.responseSchema(method, pathTemplate, status);
    return this.validatorFor(schema, EMPTY_STATUSES.has(String(status)), `${method.toUpperCase()} ${pathTemplate} ${status}`);
  }

  requestSchema(method: string, pathTemplate: string): Json | undefined {
    return this.find(method, pathTemplate).request;
  }

  requestValidator(method: string, pathTemplate: string): BodyValidator {
    return this.validatorFor(this.requestSchema(method, pathTemplate), true, `${method.toUpperCase()} ${pathTemplate} request`);
  }

  private indexPath(rawPath: string, item: JsonObject): void {
    let path = rawPath;
    if (this.corrections && this.basePath && rawPath.startsWith(`${this.basePath}/`)) {
      // V2.4.1/V2.7.1 NS LCM: /nslcm/v1/ns_lcm_op_occs/{id}/fail|cancel under basePath /nslcm/v1.
      path = rawPath.slice(this.basePath.length);
      this.log.note(`paths repeat the basePath ${this.basePath}; indexed without it`, rawPath);
    }
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const params = [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])].map((p) => this.deref(p));
      const body = params.filter(isObject).find((p) => p.in === 'body');
      const responses = new Map<string, Json | undefined>();
      for (const [status, r] of Object.entries(isObject(op.responses) ? op.responses : {})) {
        const response = this.deref(r);
        let schema: Json | undefined = isObject(response) ? response.schema : undefined;
        if (this.corrections) schema = correctResponseSchema(method, status, schema, this.log);
        responses.set(status, schema === undefined ? undefined : this.prepare(schema, true));
      }
      this.ops.set(`${method} ${templateKey(path)}`, {
        method,
        path,
        request: body?.schema === undefined ? undefined : this.prepare(body.schema, true),
        responses,
      });
    }
  }

  /** Inline local $refs, then the ETSI fixes, then Swagger → JSON Schema. */
  private prepare(schema: Json, isBody: boolean): Json {
    let s = this.inlineRefs(schema, []);
    if (this.corrections) {
      if (isBody) s = unwrapTypeWrapper(s, this.log);
      s = correctSchema(s, this.log);
    }
    return swaggerToJsonSchema(s, this.log);
  }

  /**
   * `#/definitions/X` stays a $ref (ajv resolves it against the registered definitions,
   * recursion included); any other local pointer is copied in place. The ETSI bundles
   * are fully inlined, so this matters only for other Swagger 2.0 documents.
   */
  private inlineRefs(schema: Json, stack: string[]): Json {
    return mapSchema(schema, (node) => {
      if (typeof node.$ref !== 'string') return node;
      const ref = node.$ref;
      if (ref.startsWith('#/definitions/')) return { ...node, $ref: `${BUNDLE_ID}${ref}` };
      if (stack.includes(ref)) throw new Error(`${this.source}: circular $ref ${[...stack, ref].join(' → ')} outside #/definitions`);
      return this.inlineRefs(resolvePointer(this.doc, ref, this.source), [...stack, ref]);
    });
  }

  /** Parameter and Response Objects may be $refs to #/parameters/… and #/responses/…. */
  private deref(value: Json): Json {
    let v = value;
    for (let hops = 0; isObject(v) && typeof v.$ref === 'string'; hops++) {
      if (hops > 20) throw new Error(`${this.source}: $ref chain too long at ${v.$ref}`);
      v = resolvePointer(this.doc, v.$ref, this.source);
    }
    return v;
  }

  private find(method: string, pathTemplate: string): OperationEntry {
    const m = method.toLowerCase();
    const bare = this.basePath && pathTemplate.startsWith(`${this.basePath}/`) ? pathTemplate.slice(this.basePath.length) : pathTemplate;
    for (const candidate of [bare, pathTemplate]) {
      const op = this.ops.get(`${m} ${templateKey(candidate)}`);
      if (op) return op;
    }
    const same = [...this.ops.values()].filter((o) => templateKey(o.path) === templateKey(bare)).map((o) => o.method.toUpperCase());
    throw new Error(
      `${this.source}: no operation ${method.toUpperCase()} ${pathTemplate}` +
        (same.length ? ` (that path has ${same.join(', ')})` : ` (paths: ${[...new Set([...this.ops.values()].map((o) => o.path))].join(', ')})`),
    );
  }

  private validatorFor(schema: Json | undefined, emptyOnly: boolean, label: string): BodyValidator {
    if (schema === undefined) {
      if (!emptyOnly) return () => ({ valid: true, errors: [] });
      return (body) => (isEmptyBody(body) ? { valid: true, errors: [] } : { valid: false, errors: [`(root) ${label} has no body in SOL005`] });
    }
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv().compile(schema as object);
      this.compiled.set(key, validate);
    }
    const fn = validate;
    return (body) => (fn(body) ? { valid: true, errors: [] } : { valid: false, errors: (fn.errors ?? []).map(formatError) });
  }

  private ajv(): Ajv {
    if (!this.ajvInstance) {
      // strict: false because the bundles carry keywords JSON Schema does not know (and ajv would refuse).
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats(ajv);
      for (const [name, check] of Object.entries(etsiFormats(isIP))) ajv.addFormat(name, check);
      ajv.addSchema({ $id: BUNDLE_ID, definitions: this.definitions ?? {} });
      this.ajvInstance = ajv;
    }
    return this.ajvInstance;
  }
}

/** Path templates compare without parameter names: /ns_descriptors/{id} matches /ns_descriptors/{nsdInfoId}. */
function templateKey(path: string): string {
  const p = path.trim().replace(/\{[^}]*\}/g, '{}');
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

function resolvePointer(doc: unknown, ref: string, source: string): Json {
  if (!ref.startsWith('#')) throw new Error(`${source}: only local $refs are supported, got ${ref}`);
  let node: unknown = doc;
  const tokens = ref.slice(1).split('/').slice(1);
  for (const raw of tokens) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node as Json) && !Array.isArray(node)) throw new Error(`${source}: $ref ${ref} does not resolve`);
    node = (node as Record<string, unknown>)[token];
    if (node === undefined) throw new Error(`${source}: $ref ${ref} does not resolve`);
  }
  return node as Json;
}

/** What an HTTP client shows for an empty body (supertest gives {} for no content). */
function isEmptyBody(body: unknown): boolean {
  if (body === undefined || body === null || body === '') return true;
  if (Buffer.isBuffer(body)) return body.length === 0;
  return isObject(body as Json) && Object.keys(body as object).length === 0;
}

function formatError(e: ErrorObject): string {
  const at = e.instancePath || '(root)';
  if (e.keyword === 'enum') return `${at} ${e.message}: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  if (e.keyword === 'additionalProperties') return `${at} ${e.message}: ${(e.params as { additionalProperty: string }).additionalProperty}`;
  return `${at} ${e.message}`;
}
