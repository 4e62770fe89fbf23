/** Downloads package content from a URI given by upload_from_uri, then hands it to onboarding. */
export const FETCH_QUEUE = 'fetch-package';

export interface FetchJob {
  ownerId: string;
  uri: string;
  /** `{userName, password}` sealed with the secrets key: job data lives in the database. */
  sealedCredentials?: string;
}
