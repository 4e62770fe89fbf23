import type { ResourceOwner } from '../../lifecycle/ports/vim.port';

/**
 * How a resource names its owner on the VIM. Neutron tags (which may not contain commas, the
 * separator of the `tags` filter) and Nova server metadata (keys and values up to 255 characters).
 */
export const NS_TAG_PREFIX = 'nfvo-ns:';
export const nsTag = (o: ResourceOwner): string => `${NS_TAG_PREFIX}${o.nsInstanceId}`;
export const ownerTags = (o: ResourceOwner): string[] => [nsTag(o), `nfvo-op:${o.nsLcmOpOccId}`];
export const ownerMetadata = (o: ResourceOwner): Record<string, string> => ({ nfvo_ns_instance_id: o.nsInstanceId, nfvo_ns_lcm_op_occ_id: o.nsLcmOpOccId });

export const q = (params: Record<string, string | undefined>): string => {
  const s = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  return s ? `?${s}` : '';
};
