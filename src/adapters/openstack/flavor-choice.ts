import type { FlavorSpec } from '../../lifecycle/ports/vim.port';

export interface NovaFlavor { id: string; name: string; vcpus: number; ram: number; disk: number; 'OS-FLV-DISABLED:disabled'?: boolean }

type Need = { dim: 'vcpus' | 'ram' | 'disk'; unit: string; want: number };
const needs = (s: FlavorSpec): Need[] => [
  { dim: 'vcpus', unit: 'vCPU', want: s.vcpus }, { dim: 'ram', unit: 'MiB RAM', want: s.memoryMiB }, { dim: 'disk', unit: 'GiB disk', want: s.diskGiB },
];
const lacks = (f: NovaFlavor, s: FlavorSpec) => needs(s).filter((n) => f[n.dim] < n.want);
/** Smallest first: vCPUs are what a project's quota runs out of first, then RAM, then disk; the name breaks ties. */
const bySize = (a: NovaFlavor, b: NovaFlavor) => a.vcpus - b.vcpus || a.ram - b.ram || a.disk - b.disk || a.name.localeCompare(b.name);
const size = (f: NovaFlavor) => `${f.vcpus} vCPU, ${f.ram} MiB, ${f.disk} GiB`;

/** The smallest enabled flavor with at least the vCPUs, RAM and disk asked for (what the project may use: Nova lists only those). */
export function smallestFitting(flavors: NovaFlavor[], s: FlavorSpec): NovaFlavor | undefined {
  return flavors.filter((f) => !f['OS-FLV-DISABLED:disabled'] && lacks(f, s).length === 0).sort(bySize)[0];
}

/**
 * Why nothing fits, naming the closest flavors and what each lacks, e.g.
 * `m1.large (4 vCPU, 8192 MiB, 80 GiB) lacks 4 vCPU` — closest = fewest missing dimensions, then the least missing.
 */
export function noFlavorFits(flavors: NovaFlavor[], s: FlavorSpec, max = 3): string {
  const want = `${s.vcpus} vCPU, ${s.memoryMiB} MiB RAM and ${s.diskGiB} GiB disk`;
  const usable = flavors.filter((f) => !f['OS-FLV-DISABLED:disabled']);
  if (!usable.length) return `the project may use no flavor at all (it needs one with at least ${want})`;
  const shortfall = (f: NovaFlavor) => lacks(f, s).reduce((sum, n) => sum + (n.want - f[n.dim]) / Math.max(1, n.want), 0);
  const closest = [...usable].sort((a, b) => lacks(a, s).length - lacks(b, s).length || shortfall(a) - shortfall(b) || bySize(a, b)).slice(0, max);
  const said = closest.map((f) => `${f.name} (${size(f)}) lacks ${lacks(f, s).map((n) => `${n.want - f[n.dim]} ${n.unit}`).join(' and ')}`);
  return `no flavor the project may use has at least ${want}; closest: ${said.join('; ')}`;
}
