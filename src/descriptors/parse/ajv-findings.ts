import type { ErrorObject } from 'ajv';
import type { Finding } from '../model';
import { pointerJoin } from '../model';
import { closestWord } from './closest';
import { pointerTokens } from './json-pointer';
import { describeValue, isRecord } from './read-context';
import { type SyntaxCode, syntaxFinding } from './syntax-codes';

const CODES: Readonly<Record<string, SyntaxCode>> = {
  type: 'syntax.type', required: 'syntax.required', enum: 'syntax.enum', const: 'syntax.enum', pattern: 'syntax.pattern', format: 'syntax.pattern',
  additionalProperties: 'syntax.unknown-field', propertyNames: 'syntax.pattern', minimum: 'syntax.range', maximum: 'syntax.range',
  exclusiveMinimum: 'syntax.range', exclusiveMaximum: 'syntax.range', minItems: 'syntax.range', maxItems: 'syntax.range', minLength: 'syntax.range',
};
// The discriminated unions of the nfvo schemas, to say what a wrong tag could have been.
const TAGS: Readonly<Record<string, string>> = { kind: 'vm, container', type: 'allowed-sites, affinity, anti-affinity, max-latency' };
const TYPE_WORDS: Readonly<Record<string, string>> = { integer: 'a whole number', number: 'a number', string: 'text', object: 'a mapping', array: 'a list', boolean: 'true or false' };

type Params = Record<string, unknown>;
const fieldOf = (pointer: string): string => pointerTokens(pointer)?.at(-1) || 'the document';

/** Where the problem is: the missing, extra or misnamed member itself, else the offending value. */
function pointerOf(e: ErrorObject): string {
  const p = e.params as Params;
  const member = { required: p.missingProperty, additionalProperties: p.additionalProperty, propertyNames: p.propertyName, discriminator: p.tag }[e.keyword];
  return member === undefined ? e.instancePath : pointerJoin(e.instancePath, String(member));
}

function messageOf(e: ErrorObject, field: string): string {
  const p = e.params as Params;
  const schema = (e.parentSchema ?? {}) as { properties?: object; propertyNames?: { pattern?: string } };
  switch (e.keyword) {
    case 'required': return `"${field}" is required here; add it`;
    case 'additionalProperties': {
      const word = closestWord(field, Object.keys(schema.properties ?? {}));
      return `"${field}" is not a field here; ${word === undefined ? 'remove or rename it' : `did you mean '${word}'?`}`;
    }
    case 'propertyNames': return `"${field}" is not an allowed name here; names must match ${schema.propertyNames?.pattern ?? 'the format'}`;
    case 'type': return `"${field}" must be ${String(p.type).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ')}, found ${describeValue(e.data)}`;
    case 'enum': return `"${field}" is ${describeValue(e.data)}, which is not one of ${(p.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'const': return `"${field}" must be ${JSON.stringify(p.allowedValue)}, found ${describeValue(e.data)}`;
    case 'discriminator': return p.error === 'tag' ? `"${field}" must be text naming the kind of item` : `"${field}" is ${describeValue(isRecord(e.data) ? e.data[String(p.tag)] : undefined)}, which is not one of ${TAGS[String(p.tag)] ?? 'the kinds this format knows'}`;
    default: return `"${field}" ${e.message ?? 'is invalid'}${typeof e.data === 'number' || typeof e.data === 'string' ? ` (found ${describeValue(e.data)})` : ''}`;
  }
}

/** Errors that only repeat another: `if` (its `then` errors follow), checks inside propertyNames, a missing discriminator tag (also `required`). */
function redundant(e: ErrorObject): boolean {
  if (e.keyword === 'if' || ((e as { propertyName?: string }).propertyName !== undefined && e.keyword !== 'propertyNames')) return true;
  const p = e.params as Params;
  return e.keyword === 'discriminator' && p.error === 'tag' && !(isRecord(e.data) && Object.hasOwn(e.data, String(p.tag)));
}

/** ajv's errors against the nfvo schemas as findings, pointer = where to change the document. */
export function ajvFindings(file: string, errors: readonly ErrorObject[]): Finding[] {
  return errors.filter((e) => !redundant(e)).map((e) => {
    const pointer = pointerOf(e);
    const code = e.keyword === 'discriminator' ? ((e.params as Params).error === 'tag' ? 'syntax.type' : 'syntax.enum') : (CODES[e.keyword] ?? 'syntax.schema');
    return syntaxFinding(code, file, pointer, messageOf(e, fieldOf(pointer)));
  });
}
