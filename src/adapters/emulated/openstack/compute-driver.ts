/** A server's virtual interface as Nova hands it to its virt driver: the Neutron port behind it. */
export interface Vif {
  portId: string; macAddress: string; ips: string[]; networkId: string;
  /** Neutron lets this port carry traffic not addressed to it: port security is off on the port or on its network. */
  forwards: boolean;
}

/**
 * What backs the emulator's servers, as a virt driver backs Nova's: by default nothing (a server is only
 * a record), or, in the system tests, a network namespace per server whose interfaces are plugged into
 * the site's Open vSwitch as the Neutron OVS agent would plug them. A spawn that fails puts the server
 * in ERROR with the driver's message as its fault.
 */
export interface ComputeDriver {
  spawn(server: { id: string; name: string }, vifs: Vif[]): Promise<void>;
  destroy(serverId: string): Promise<void>;
}
