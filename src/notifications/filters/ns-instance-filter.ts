import { anyOf, stringList } from './filter-spec';

/** SOL005 cl. 4.4.1.5 NsInstanceSubscriptionFilter: the NS instances a subscription is about (alternatives). */
export const NS_INSTANCE_FILTER_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: { nsdIds: stringList, vnfdIds: stringList, pnfdIds: stringList, nsInstanceIds: stringList, nsInstanceNames: stringList },
};

export const nsInstanceFilterForbidden = (f: Record<string, unknown> | undefined): string | undefined => {
  const present = Object.keys(f ?? {});
  return present.length > 1 ? `nsInstanceSubscriptionFilter: ${present.join(', ')} are alternatives; use only one of them` : undefined;
};

export const nsInstanceMatches = (f: Record<string, unknown> | undefined, a: Record<string, unknown>): boolean =>
  !f || (anyOf(f.nsdIds, a.nsdId) && anyOf(f.vnfdIds, a.vnfdIds) && anyOf(f.pnfdIds, a.pnfdIds) && anyOf(f.nsInstanceIds, a.nsInstanceId) && anyOf(f.nsInstanceNames, a.nsInstanceName));
