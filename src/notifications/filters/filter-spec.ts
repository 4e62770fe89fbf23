import type { SubscriptionApi } from '../subscription.model';

/** A domain event as filters see it: its SOL005 notification type and the attributes filters match on. */
export interface FilterableEvent {
  type: string;
  attributes: Record<string, unknown>;
}

/**
 * One API's notification filter (SOL005 cl. 5.5.3.2, 6.5.3.8, 8.5.3.2, 9.5.3.2): its JSON Schema, the
 * combinations the standard forbids, and matching. Matching follows SOL013 cl. 5.5.3: every attribute
 * present must match (AND); an array attribute matches when any of its values does (OR).
 */
export interface FilterSpec {
  api: SubscriptionApi;
  schema: Record<string, unknown>;
  /** A message naming the forbidden combination, or undefined. */
  forbidden(filter: Record<string, unknown>): string | undefined;
  matches(filter: Record<string, unknown>, e: FilterableEvent): boolean;
}

export const stringList = { type: 'array', items: { type: 'string', maxLength: 1024 }, minItems: 1, maxItems: 256 } as const;
export const enumList = (values: readonly string[]) => ({ type: 'array', items: { type: 'string', enum: values }, minItems: 1, uniqueItems: true }) as const;

/** An attribute filter: absent matches everything; otherwise the event's value (or any of its values) is listed. */
export function anyOf(filterValues: unknown, eventValue: unknown): boolean {
  if (filterValues === undefined) return true;
  const wanted = filterValues as unknown[];
  const have = Array.isArray(eventValue) ? eventValue : [eventValue];
  return have.some((v) => v !== undefined && wanted.includes(v));
}

/** SOL005 names alternatives that "shall not be used both in the same filter instance". */
export function alternatives(filter: Record<string, unknown>, names: string[]): string | undefined {
  const present = names.filter((n) => filter[n] !== undefined);
  return present.length > 1 ? `the filter attributes ${present.join(' and ')} are alternatives; use only one of them` : undefined;
}

/** notificationTypes, compared without case: V2.4.1 spells NsdOnboardingFailureNotification, V4.5.1 NsdOnBoardingFailureNotification. */
export function typeMatches(filterTypes: unknown, type: string): boolean {
  return filterTypes === undefined || (filterTypes as string[]).some((t) => t.toLowerCase() === type.toLowerCase());
}
