export { parseSelectors, selectionToQuery } from './selector-query.parser';
export { applySelection, makeSelector } from './selection.applier';
export { validateSelectionPaths, isKnownPath } from './selection-paths.validator';
export { SELECTOR_PARAMS, type AttributePath, type Selection, type SelectionSpec, type SelectorParam } from './selection.types';
