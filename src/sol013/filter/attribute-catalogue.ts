/**
 * Which attribute paths of a resource representation a client may name in an
 * attribute-based filter (ETSI GS NFV-SOL013 cl. 5.2).
 *
 * SOL013 cl. 5.2.2 lets the API producer reject filters on attributes it does not
 * support (400 Bad Request), so every resource declares its filterable attributes
 * here. The catalogue is also what makes the compiled SQL correct: it says where a
 * path crosses an array (so "any element matches") and how to read the text value
 * of the filter (number, boolean, date-time or string).
 */
export type AttrScalar = 'string' | 'number' | 'boolean' | 'datetime';

export interface AttrNode {
  type: AttrScalar | 'object';
  /** The attribute is an array (of scalars or of objects). */
  array?: boolean;
  /** For type 'object': its attributes. */
  children?: Record<string, AttrNode>;
  /**
   * Object whose keys are arbitrary (e.g. userDefinedData, KeyValuePairs): any
   * sub-path is allowed and values are compared as the strings, numbers or booleans
   * they are stored as.
   */
  freeForm?: boolean;
  /**
   * The member's name in the stored document when the API version shows it under another name
   * (e.g. SOL005 V2.4.1 `stateEnteredTime` for the stored `statusEnteredTime`).
   */
  storedAs?: string;
}

export type AttributeCatalogue = Record<string, AttrNode>;
