export * from './placement.model';
export { demandsOf } from './demands-of';
export { placeService } from './place-service';
export { placementProblem } from './placement-problem';
export { VimLedger } from './vim-ledger';
