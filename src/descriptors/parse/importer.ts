import type { Descriptor } from '../model';
import type { Obj, ReadContext } from './read-context';

/**
 * Maps one detected document to the joint model, recording every problem in `ctx`. Returns the
 * descriptor whenever its identity could be read, even if parts failed (those parts are left out
 * and have findings), so that one upload reports as many problems as possible; callers decide on
 * the findings' severities, never on the descriptor's presence alone.
 */
export type Importer = (ctx: ReadContext, root: Obj) => Descriptor | undefined;
