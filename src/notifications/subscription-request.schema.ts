import Ajv from 'ajv';
import { NfvoError } from '../shared/nfvo-error';
import type { SubscriptionRequest } from './subscription-request';

/** The envelope of every <X>SubscriptionRequest; the filter is checked per API by validateFilter. */
const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['callbackUri'],
  properties: {
    filter: { type: 'object' },
    callbackUri: { type: 'string', minLength: 1, maxLength: 2048 },
    verbosity: { type: 'string', enum: ['FULL', 'SHORT'] },
    authentication: {
      type: 'object',
      additionalProperties: false,
      required: ['authType'],
      properties: {
        authType: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: ['BASIC', 'OAUTH2_CLIENT_CREDENTIALS', 'TLS_CERT'] } },
        paramsBasic: { type: 'object', additionalProperties: false, properties: { userName: { type: 'string', maxLength: 256 }, password: { type: 'string', maxLength: 1024 } } },
        paramsOauth2ClientCredentials: {
          type: 'object',
          additionalProperties: false,
          required: ['clientId', 'clientPassword', 'tokenEndpoint'],
          properties: { clientId: { type: 'string', maxLength: 256 }, clientPassword: { type: 'string', maxLength: 1024 }, tokenEndpoint: { type: 'string', maxLength: 2048 } },
        },
      },
    },
  },
};

const validate = new Ajv({ allErrors: true, strict: false }).compile(SCHEMA);

export function parseSubscriptionRequest(body: unknown, allowVerbosity: boolean): SubscriptionRequest {
  if (!validate(body)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || 'body'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
    throw new NfvoError('BAD_REQUEST', `Invalid subscription request: ${problems.join('; ')}.`);
  }
  const r = body as unknown as SubscriptionRequest;
  if (r.verbosity && !allowVerbosity) throw new NfvoError('BAD_REQUEST', 'Invalid subscription request: verbosity is defined only for NS lifecycle management v2 subscriptions.');
  return r;
}

export const SUBSCRIPTION_REQUEST_SCHEMA = SCHEMA;
