import type { EmulatedCloud } from '../../infra/emulated-cloud.port';
import { KubernetesEmulator } from './kubernetes/kubernetes-emulator';
import { OpenStackEmulator } from './openstack/openstack-emulator';

/**
 * The emulated OpenStack of every site of the embedded default, one loopback server each, with the
 * latency and error rate the operator asked for (NFVO_EMULATOR_LATENCY_MS, NFVO_EMULATOR_FAULT_RATE).
 * Injected faults never hit Keystone, so a fault rate tests the lifecycle's retries, not logins.
 */
export class EmulatedClouds implements EmulatedCloud {
  private readonly running = new Map<string, OpenStackEmulator>();
  private readonly clusters = new Map<string, KubernetesEmulator>();

  constructor(private readonly o: { latencyMs: number; faultRate: number }) {}

  async start(site: string, credentials: { username: string; password: string; project: string }) {
    const emu = await OpenStackEmulator.start({ region: 'RegionOne', credentials, latencyMs: this.o.latencyMs, buildMs: 500, deleteMs: 300 });
    if (this.o.faultRate > 0) emu.faults.errorRate(this.o.faultRate, 503, 1, emu.operations().filter((op) => !op.startsWith('keystone.')));
    this.running.set(site, emu);
    return { endpoint: emu.url, region: emu.region };
  }

  async startKubernetes(site: string, token: string) {
    const k = await KubernetesEmulator.start(token);
    this.clusters.set(site, k);
    return { endpoint: k.url };
  }

  emulator(site: string): OpenStackEmulator | undefined {
    return this.running.get(site);
  }

  async close(): Promise<void> {
    await Promise.all([...this.running.values(), ...this.clusters.values()].map((e) => e.close()));
    this.running.clear();
    this.clusters.clear();
  }
}
