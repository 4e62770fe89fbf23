/**
 * Abstract syntax of an attribute-based filter, ETSI GS NFV-SOL013 cl. 5.2.2:
 *   filter=(op,attrName[/attrName]*,value[,value]*)[;(op,attrName[/attrName]*,value[,value]*)]*
 * The terms of an expression are combined with AND (cl. 5.2.2).
 */

/**
 * Operators of SOL013 Table 5.2.2-1. The older 'in' / 'nin' spellings are accepted
 * by the parser and mapped to 'eq' / 'neq', which in current SOL013 versions take a
 * list of values with the same meaning.
 */
export type FilterOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'cont' | 'ncont';

export const FILTER_OPS: readonly FilterOp[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'cont', 'ncont'];

export interface FilterTerm {
  op: FilterOp;
  /** Attribute name segments, e.g. ['vnfInstance', 'vnfProductName'] for vnfInstance/vnfProductName. */
  path: string[];
  /** Raw values, already unquoted ('' unescaped). At least one. */
  values: string[];
  /** 1-based position of the term's '(' in the filter text, when the term came from parseFilter. */
  position?: number;
}

/** Conjunction of terms; an empty list matches every record. */
export interface FilterExpr {
  terms: FilterTerm[];
}
