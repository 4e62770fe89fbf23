import type request from 'supertest';
import type { OpenStackEmulator } from '../../src/adapters/emulated/openstack/openstack-emulator';
import type { EmulatedSiteSwitch } from '../../src/adapters/emulated/switch/emulated-switch';
import { SITE_SWITCHES } from '../../src/api/nslcm/switch.providers';
import type { RegistrySiteSwitches } from '../../src/infra/registry-site-switches';
import { type EmulatedSitesHandle, startEmulatedSites } from '../../src/emulated-sites';
import { type SwitchState, switchState } from './emulated-switch-state';
import { TestSubscriber } from './subscriber';
import { startTestApp, type TestApp } from './test-app';
import { complexServiceFiles, sonPackage } from './example-packages';

type Http = ReturnType<typeof request>;

/** The complex example's NSD id once onboarded. */
export const COMPLEX_NSD_ID = 'eu.example.nfvo:complex-edge-web:1.0';

/** Onboards the complex example as one SONATA package through nsd/{major}; fails if it does not reach ONBOARDED. */
export async function onboardComplex(http: Http, auth: Record<string, string>, major: 'v1' | 'v2' = 'v2'): Promise<string> {
  const base = `/nsd/${major}/ns_descriptors`;
  const id = (await http.post(base).set(auth).send({})).body.id as string;
  const pkg = await sonPackage(complexServiceFiles(), { extra: { 'image.ref': 'registry.example.net/images/fw-1.0.qcow2\n' } });
  const put = await http.put(`${base}/${id}/nsd_content`).set(auth).set('Content-Type', 'application/zip').send(pkg);
  if (put.status !== 202) throw new Error(`nsd_content answered ${put.status}: ${put.text}`);
  for (let i = 0; i < 300; i++) {
    const info = (await http.get(`${base}/${id}`).set(auth)).body;
    if (info.nsdOnboardingState === 'ONBOARDED') return id;
    if (info.nsdOnboardingState === 'ERROR') throw new Error(`onboarding failed: ${JSON.stringify(info.onboardingFailureDetails)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the complex example did not onboard in time');
}

/** Polls an operation occurrence (by its Location) until it leaves PROCESSING and ROLLING_BACK; the final GET's response. */
export async function settleOccurrence(http: Http, auth: Record<string, string>, location: string): Promise<request.Response> {
  for (let i = 0; i < 600; i++) {
    const r = await http.get(new URL(location).pathname).set(auth);
    if (!['PROCESSING', 'ROLLING_BACK'].includes(r.body.operationState)) return r;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`${location} did not end`);
}

/** The app with its two emulated sites, a subscriber to NS LCM notifications and the complex example onboarded. */
export interface LcmSites {
  a: TestApp;
  auth: Record<string, string>;
  sites: EmulatedSitesHandle;
  sub: TestSubscriber;
  emu(site: string): OpenStackEmulator;
  /** The emulated sites' switches now. */
  switches(): SwitchState;
  close(): Promise<void>;
}

export async function startLcmSites(env: Record<string, string> = {}): Promise<LcmSites> {
  const a = await startTestApp({ NFVO_CALLBACK_ALLOW: '127.0.0.1', NFVO_LCM_LEASE_SECONDS: '2', ...env });
  const sites = (await startEmulatedSites(a.app, { ...a.config, emulatedSites: 'on' }, a.t.db.kind))!;
  const auth = { Authorization: `Bearer ${await a.token()}`, Version: '2.12.0' };
  const sub = await new TestSubscriber().start();
  const subscribed = await a.http.post('/nslcm/v2/subscriptions').set(auth).send({ callbackUri: sub.url, filter: { notificationTypes: ['NsLcmOperationOccurrenceNotification', 'NsChangeNotification'] } });
  if (subscribed.status !== 201) throw new Error(`subscribing answered ${subscribed.status}: ${subscribed.text}`);
  await onboardComplex(a.http, auth);
  return {
    a, auth, sites, sub,
    emu: (site) => sites.clouds.emulator(site)!,
    switches: () => switchState(a.app.get<RegistrySiteSwitches>(SITE_SWITCHES, { strict: false }).emulatedSwitches() as EmulatedSiteSwitch[]),
    close: async () => { await a.close(); await sites.close(); await sub.close(); },
  };
}
