import Ajv, { type ValidateFunction } from 'ajv';
import { NfvoError } from '../shared/nfvo-error';
import { FILTERS } from './filters';
import type { SubscriptionApi } from './subscription.model';

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new Map<SubscriptionApi, ValidateFunction>();

/** 400 naming every problem: a member the filter type does not have, a wrong value, a forbidden combination. */
export function validateFilter(api: SubscriptionApi, filter: unknown): void {
  if (filter === undefined) return;
  let validate = compiled.get(api);
  if (!validate) compiled.set(api, (validate = ajv.compile(FILTERS[api].schema)));
  if (!validate(filter)) {
    const problems = (validate.errors ?? []).map((e) => `filter${e.instancePath.replace(/\//g, '.')} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}${e.params && 'allowedValues' in e.params ? `: ${(e.params.allowedValues as string[]).join(', ')}` : ''}`);
    throw new NfvoError('BAD_REQUEST', `Invalid subscription filter: ${problems.join('; ')}.`);
  }
  const forbidden = FILTERS[api].forbidden(filter as Record<string, unknown>);
  if (forbidden) throw new NfvoError('BAD_REQUEST', `Invalid subscription filter: ${forbidden} (SOL005).`);
}
