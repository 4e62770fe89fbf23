/**
 * What NS descriptors (SOL005 cl. 5) and VNF packages (cl. 9) share: the same three states under
 * different attribute names, the same PATCH and DELETE rules. `CatalogueKind` names them once.
 */
export type OnboardingState = 'CREATED' | 'UPLOADING' | 'PROCESSING' | 'ONBOARDED' | 'ERROR';
export type OperationalState = 'ENABLED' | 'DISABLED';
export type UsageState = 'IN_USE' | 'NOT_IN_USE';
export type KeyValuePairs = Record<string, unknown>;

export interface CatalogueKind<T> {
  /** For messages: "NSD", "VNF package". */
  noun: string;
  onboarding: keyof T & string;
  operational: keyof T & string;
  usage: keyof T & string;
  /** A new resource: CREATED, DISABLED, NOT_IN_USE. */
  create(id: string, userDefinedData?: KeyValuePairs): T;
}

/** The modifications PATCH accepts, with the operational state under the kind's own name. */
export interface Modifications {
  operationalState?: OperationalState;
  userDefinedData?: KeyValuePairs;
}

export const stateOf = <T>(item: T, key: keyof T): string => String(item[key]);
