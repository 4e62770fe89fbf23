import { assertDeletable } from './nsd-info.rules';
import type { NsdInfoStore } from './nsd-info.store';

/** SOL005 cl. 5.4.3.3.5: DELETE an individual NS descriptor (409 unless DISABLED and NOT_IN_USE). */
export class DeleteNsdInfo {
  constructor(private readonly store: NsdInfoStore) {}

  execute(id: string): Promise<void> {
    return this.store.delete(id, (current) => assertDeletable(current.doc));
  }
}
