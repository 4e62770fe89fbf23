import { Initial1764000000000 } from './1764000000000-initial';

/** Ordered list of every migration; new ones are appended here. */
export const MIGRATIONS = [Initial1764000000000];
