/** Fetches package content from a URI (SOL005 cl. 9.4.6 upload_from_uri). */
export interface FetchedContent {
  contentType?: string;
  body: AsyncIterable<Uint8Array>;
}

export interface PackageFetcher {
  /**
   * Rejects with an error whose `code` is `package.fetch-failed` and whose message says what the remote
   * end did (status, redirect, refused address, time-out).
   */
  fetch(url: URL, opts: { username?: string; password?: string; allowSensitiveAddress: boolean; timeoutMs: number }): Promise<FetchedContent>;
}

export const PACKAGE_FETCHER = Symbol('PACKAGE_FETCHER');
