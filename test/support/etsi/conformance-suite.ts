import { startTestApp, type TestApp } from '../test-app';
import { TestSubscriber } from '../subscriber';
import { type EtsiBundle, type EtsiContract, loadEtsiContract } from './etsi-contract';
import { referenceSkipReason } from './skip-reason';

export interface ConformanceSuite {
  a: TestApp;
  auth: Record<string, string>;
  sub: TestSubscriber;
  contract: EtsiContract;
  /** Asserts a response body against the bundle's schema for that operation and status. */
  conforms(method: string, template: string, r: { status: number; body: unknown }): void;
}

/**
 * A describe block whose tests run against the real application, with a loopback subscriber, and
 * check bodies against ETSI's own V2.4.1 bundle; it prints why it skips when the bundle is absent.
 */
export function describeConformance(bundle: EtsiBundle, title: string, body: (s: ConformanceSuite) => void): void {
  const skip = referenceSkipReason(bundle);
  if (skip) console.log(`${title}: ${skip}`);
  const contract = loadEtsiContract(bundle);
  (contract ? describe : describe.skip)(title, () => {
    const s = { contract } as ConformanceSuite;
    beforeAll(async () => {
      s.sub = await new TestSubscriber().start();
      s.a = await startTestApp({ NFVO_PAGE_SIZE: '2', NFVO_CALLBACK_ALLOW: '127.0.0.1' });
      s.auth = { Authorization: `Bearer ${await s.a.token()}` };
    });
    afterAll(async () => {
      await s.a?.close();
      await s.sub?.close();
    });
    s.conforms = (method, template, r) => {
      const result = contract!.responseValidator(method, template, r.status)(r.body);
      expect({ method, template, status: r.status, errors: result.errors }).toEqual({ method, template, status: r.status, errors: [] });
    };
    body(s);
  });
}
