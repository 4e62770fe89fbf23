/** SONATA's descriptor identity: vendor, name and version together (the "key" of every descriptor). */
export interface DescriptorKey {
  vendor: string;
  name: string;
  version: string;
}

export const keyToString = (k: DescriptorKey): string => `${k.vendor}:${k.name}:${k.version}`;

export const sameKey = (a: DescriptorKey, b: DescriptorKey): boolean => a.vendor === b.vendor && a.name === b.name && a.version === b.version;
