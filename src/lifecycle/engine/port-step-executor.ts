import { isVimError } from '../ports/vim-error';
import type { IacPort, StackSpec } from '../ports/iac.port';
import type { ChainSpec, SwitchPort, TunnelSpec } from '../ports/switch.port';
import type { VimPorts } from '../ports/vim-ports.port';
import type { ResourceOwner, VimPort } from '../ports/vim.port';
import type { PlanStep } from '../plan/plan.model';
import type { StepExecutor } from './plan-runner';
import type { StepError } from './step-journal.port';

type P = Record<string, unknown>;
const str = (v: unknown) => String(v);
/** Nova metadata values are strings (at most 255 characters each). */
const metadataOf = (m: unknown) => (m && typeof m === 'object' ? Object.fromEntries(Object.entries(m).map(([k, v]) => [k, String(v).slice(0, 255)])) : undefined);

/** Plan steps onto the ports: VIM resources through the VimPort of the step's VIM, stacks through IaC, tunnels and chains through the switches. */
export class PortStepExecutor implements StepExecutor {
  constructor(private readonly owner: ResourceOwner, private readonly d: { vims: VimPorts; iac: IacPort; switches: SwitchPort }) {}

  async do(step: PlanStep, p: P, signal?: AbortSignal): Promise<P> {
    const o = this.owner;
    switch (step.kind) {
      case 'network': {
        const spec = { name: str(p.name), cidr: str(p.cidr), portSecurity: p.portSecurity !== false, ...(p.gatewayIp !== undefined ? { gatewayIp: p.gatewayIp as null } : {}), ...(p.allocationPools ? { allocationPools: p.allocationPools as { start: string; end: string }[] } : {}) };
        return { ...(await (await this.vim(step)).ensureNetwork(o, spec)) };
      }
      case 'image': return { imageId: await (await this.vim(step)).ensureImage({ name: str(p.name), url: p.url as string | undefined, checksum: p.checksum as string | undefined, diskFormat: p.diskFormat as string | undefined }) };
      case 'flavor': return { flavorId: await (await this.vim(step)).ensureFlavor({ vcpus: Number(p.vcpus), memoryMiB: Number(p.memoryMiB), diskGiB: Number(p.diskGiB) }) };
      case 'server-group': return { serverGroupId: await (await this.vim(step)).ensureServerGroup(o, str(p.name), p.policy === 'affinity' ? 'affinity' : 'anti-affinity') };
      case 'port': {
        const r = await (await this.vim(step)).ensurePort(o, { name: str(p.name), networkId: str(p.networkId), fixedIp: p.fixedIp as string | undefined, macAddress: p.macAddress as string | undefined, portSecurity: p.portSecurity !== false });
        return { ...r };
      }
      case 'server': {
        const s = await (await this.vim(step)).ensureServer(o, { name: str(p.name), flavorId: str(p.flavorId), imageId: str(p.imageId), portIds: (p.portIds as string[]) ?? [], userData: p.userData as string | undefined, serverGroupId: p.serverGroupId as string | undefined, metadata: metadataOf(p.metadata) });
        return { serverId: s.id, status: s.status, addresses: s.addresses };
      }
      case 'stack': return this.d.iac.ensureStack(o, { name: str(p.name), functions: p.functions as StackSpec['functions'], vimId: step.vimId!, ...(Array.isArray(p.replace) ? { replace: p.replace as string[] } : {}) }, signal);
      case 'wan-tunnel': return this.d.switches.ensureTunnel(o, p as unknown as TunnelSpec);
      case 'chain': return this.d.switches.ensureChain(o, p as unknown as ChainSpec);
    }
  }

  async undo(step: PlanStep, signal?: AbortSignal): Promise<void> {
    const o = this.owner;
    const name = str(step.params.name);
    switch (step.kind) {
      case 'network': return (await this.vim(step)).removeNetwork(o, name);
      case 'port': return (await this.vim(step)).removePort(o, name);
      case 'server': return (await this.vim(step)).removeServer(o, name);
      case 'server-group': return (await this.vim(step)).removeServerGroup(o, name);
      // Images and flavors are shared by every NS on the VIM: they stay.
      case 'image': case 'flavor': return;
      case 'stack': return this.d.iac.removeStack(o, step.vimId!, name, signal);
      case 'wan-tunnel': return this.d.switches.removeTunnel(o, name);
      case 'chain': return this.d.switches.removeChain(o, name);
    }
  }

  describe(step: PlanStep, err: unknown): StepError {
    const where = [step.functionId && `function ${step.functionId}`, step.siteId && `site ${step.siteId}`, step.vimId && `VIM ${step.vimId}`].filter(Boolean).join(', ');
    const msg = isVimError(err) ? `${err.operation} answered ${err.kind}${err.status ? ` (HTTP ${err.status})` : ''}: ${err.vimMessage}` : (err as Error)?.message ?? String(err);
    // Errors of other ports (IaC, switches) say themselves whether trying again may help.
    const retryable = isVimError(err) ? err.retryable : (err as { retryable?: unknown } | undefined)?.retryable === true;
    return { title: `Step ${step.id} failed`, detail: `Step ${step.id}${where ? ` (${where})` : ''} failed: ${msg}`, retryable };
  }

  /** Looked up once per VIM for the run, not once per step (each lookup reads the registry). */
  private readonly ports = new Map<string, Promise<VimPort>>();

  private vim(step: PlanStep): Promise<VimPort> {
    const id = step.vimId!;
    if (!this.ports.has(id)) this.ports.set(id, this.d.vims.forVim(id).catch((e) => { this.ports.delete(id); throw e; }));
    return this.ports.get(id)!;
  }
}
