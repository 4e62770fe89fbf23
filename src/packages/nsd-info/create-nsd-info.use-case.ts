import { randomUUID } from 'node:crypto';
import type { Stored } from '../../shared/resource-store';
import { type KeyValuePairs, type NsdInfo, newNsdInfo } from './nsd-info.model';
import type { NsdInfoStore } from './nsd-info.store';

/** SOL005 cl. 5.4.2.3.1: POST ns_descriptors creates an individual NS descriptor resource (CREATED). */
export class CreateNsdInfo {
  constructor(private readonly store: NsdInfoStore) {}

  execute(userDefinedData?: KeyValuePairs): Promise<Stored<NsdInfo>> {
    return this.store.insert(newNsdInfo(randomUUID(), userDefinedData));
  }
}
