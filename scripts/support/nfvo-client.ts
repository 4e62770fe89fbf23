import { clientToken } from './service-process';

export interface Reply { status: number; headers: Headers; body: any } // eslint-disable-line @typescript-eslint/no-explicit-any

/** A SOL005 client of a running NFVO for tests and benchmarks: one OAuth token, JSON in and out. */
export class NfvoClient {
  private token?: string;

  constructor(readonly url: string, private readonly client: { id: string; secret: string }) {}

  async call(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<Reply> {
    this.token ??= await clientToken(this.url, this.client.id, this.client.secret);
    const raw = Buffer.isBuffer(body);
    const r = await fetch(`${this.url}${path}`, {
      method, headers: { Authorization: `Bearer ${this.token}`, Version: '2.12.0', ...(body !== undefined ? { 'Content-Type': raw ? contentType : 'application/json' } : {}) },
      body: body === undefined ? undefined : raw ? (body as Buffer) : JSON.stringify(body),
    });
    const text = await r.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
    return { status: r.status, headers: r.headers, body: parsed };
  }

  /** Polls until `done` says yes (at most `tries` times, `everyMs` apart); the last answer. */
  async until(path: string, done: (body: any) => boolean, tries = 1200, everyMs = 250): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    let last: unknown;
    for (let i = 0; i < tries; i++) {
      const r = await this.call('GET', path);
      if (done(r.body)) return r.body;
      last = r.body;
      await new Promise((res) => setTimeout(res, everyMs));
    }
    throw new Error(`${path} did not reach the expected state after ${tries} polls; last answer: ${JSON.stringify(last).slice(0, 2000)}`);
  }

  /** Onboards a package through nsd/v2 and waits for ONBOARDED; the NsdInfo id. */
  async onboard(pkg: Buffer): Promise<string> {
    const id = (await this.call('POST', '/nsd/v2/ns_descriptors', {})).body.id as string;
    const put = await this.call('PUT', `/nsd/v2/ns_descriptors/${id}/nsd_content`, pkg, 'application/zip');
    if (put.status !== 202) throw new Error(`nsd_content answered ${put.status}: ${JSON.stringify(put.body)}`);
    const info = await this.until(`/nsd/v2/ns_descriptors/${id}`, (b) => b.nsdOnboardingState !== 'CREATED' && b.nsdOnboardingState !== 'UPLOADING' && b.nsdOnboardingState !== 'PROCESSING');
    if (info.nsdOnboardingState !== 'ONBOARDED') throw new Error(`onboarding failed: ${JSON.stringify(info.onboardingFailureDetails)}`);
    return id;
  }

  /** Starts an LCM task and waits until its occurrence leaves PROCESSING/ROLLING_BACK; the occurrence. */
  async task(path: string, body: unknown): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const r = await this.call('POST', path, body);
    if (r.status !== 202) throw new Error(`${path} answered ${r.status}: ${JSON.stringify(r.body)}`);
    return this.settle(r.headers.get('location')!);
  }

  settle(location: string): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    return this.until(new URL(location).pathname, (b) => !['STARTING', 'PROCESSING', 'ROLLING_BACK'].includes(b.operationState));
  }
}
