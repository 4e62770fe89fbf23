import type { AttributeCatalogue } from './attribute-catalogue';

/** A catalogue shaped like a SOL005 NsInstance, used by the specs of this folder. */
export const NS_CATALOGUE: AttributeCatalogue = {
  id: { type: 'string' },
  nsInstanceName: { type: 'string' },
  nsState: { type: 'string' },
  vnfPkgIds: { type: 'string', array: true },
  priority: { type: 'number' },
  enabled: { type: 'boolean' },
  createdAt: { type: 'datetime' },
  userDefinedData: { type: 'object', freeForm: true },
  vnfInstance: {
    type: 'object',
    array: true,
    children: {
      id: { type: 'string' },
      vnfProductName: { type: 'string' },
      metadata: { type: 'object', freeForm: true },
      instantiatedVnfInfo: {
        type: 'object',
        children: {
          vnfState: { type: 'string' },
          scaleStatus: {
            type: 'object',
            array: true,
            children: { aspectId: { type: 'string' }, scaleLevel: { type: 'number' } },
          },
        },
      },
    },
  },
  _links: { type: 'object', children: { self: { type: 'object', children: { href: { type: 'string' } } } } },
};
