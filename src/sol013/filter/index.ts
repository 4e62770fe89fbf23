/**
 * Public surface of the SOL013 cl. 5.2 attribute-based filter: parse the "filter"
 * query parameter, then compile it against a resource's attribute catalogue into a
 * parameterised SQL condition over the JSONB column holding the representation.
 */
export type { AttrNode, AttrScalar, AttributeCatalogue } from './attribute-catalogue';
export type { FilterExpr, FilterOp, FilterTerm } from './filter-ast';
export { parseFilter, MAX_FILTER_LENGTH, MAX_FILTER_TERMS } from './parse-filter';
export { compileFilter, type CompileFilterOptions, type CompiledFilter } from './compile-filter';
