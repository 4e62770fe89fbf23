import type { EmulatedSiteSwitch } from '../../src/adapters/emulated/switch/emulated-switch';
import { renderFlow } from '../../src/lifecycle/domain/flows/flow.model';

/** What the emulated sites' switches hold: the chains (one cookie each), tunnel ports and every flow as ovs-ofctl text. */
export interface SwitchState { chains: Set<string>; tunnels: Set<string>; flows: string[]; switches: EmulatedSiteSwitch[] }

export function switchState(switches: EmulatedSiteSwitch[]): SwitchState {
  return {
    switches,
    chains: new Set(switches.flatMap((s) => [...s.flows.keys()])),
    tunnels: new Set(switches.flatMap((s) => [...s.tunnels.keys()])),
    flows: switches.flatMap((s) => [...s.flows.values()].flat().map(renderFlow)),
  };
}
