import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '../packages/ports/event-log.port';
import type { SubscriptionApi } from './subscription.model';

/** Which API's subscribers a domain event type concerns. */
export function apiOfEvent(type: string): SubscriptionApi | undefined {
  if (/^(Nsd|Pnfd)/.test(type)) return 'nsd';
  if (type.startsWith('VnfPackage')) return 'vnfpkgm';
  if (/^Ns(Lcm|Identifier|Change)/.test(type)) return 'nslcm';
  if (type.startsWith('Alarm')) return 'nsfm';
  return undefined;
}

export interface Target {
  subscriptionId: string;
  api: SubscriptionApi;
  major: string;
  apiRoot: string;
}

/**
 * The notification a subscriber receives (SOL005 cl. 5.5.2.8-5.5.2.13, 9.5.2.8-9.5.2.9, …): the common
 * members (id, notificationType, subscriptionId, timeStamp), the event's own fields, and _links.
 */
export function notificationBody(e: DomainEvent, t: Target, now: Date): Record<string, unknown> {
  const { match: _match, ...fields } = e.payload as Record<string, unknown> & { match?: unknown };
  const base = `${t.apiRoot}/${t.api}/${t.major}`;
  const subscription = { href: `${base}/subscriptions/${t.subscriptionId}` };
  const links =
    t.api === 'nsd'
      ? { nsdInfo: { href: `${base}/ns_descriptors/${e.subjectId}` }, subscription }
      : t.api === 'vnfpkgm'
        ? { vnfPackage: { href: `${base}/vnf_packages/${e.subjectId}` }, subscription }
        : {
            nsInstance: { href: `${base.replace(/\/nsfm\//, '/nslcm/')}/ns_instances/${e.subjectId}` },
            subscription,
            // LccnLinks (SOL005 cl. 6.5.3.2): an operation occurrence notification links its occurrence.
            ...(typeof fields.nsLcmOpOccId === 'string' ? { nslcmOpOcc: { href: `${base}/ns_lcm_op_occs/${fields.nsLcmOpOccId}` } } : {}),
          };
  return {
    id: randomUUID(),
    notificationType: notificationTypeFor(e.type, t.major),
    subscriptionId: t.subscriptionId,
    timeStamp: now.toISOString(),
    ...fields,
    _links: links,
  };
}

/** SOL005 V2.4.1 spells the NSD onboarding failure type with a lower-case "b". */
const notificationTypeFor = (type: string, major: string) =>
  major === 'v1' && type === 'NsdOnBoardingFailureNotification' ? 'NsdOnboardingFailureNotification' : type;
