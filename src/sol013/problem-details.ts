import type { NfvoErrorCode } from '../shared/nfvo-error';

/** SOL013 cl. 6.3 / RFC 7807: `status` and `detail` always present; extension members allowed. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status: number;
  detail: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_JSON = 'application/problem+json';

/** The one table from domain error codes to HTTP statuses (SOL013 cl. 6.4). */
export const STATUS_OF: Record<NfvoErrorCode, number> = {
  BAD_REQUEST: 400,
  INVALID_FILTER: 400,
  INVALID_SELECTOR: 400,
  INVALID_MARKER: 400,
  VERSION_MISSING: 400,
  VERSION_NOT_SUPPORTED: 406,
  UNAUTHORIZED: 401,
  INVALID_CLIENT: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RANGE_NOT_SATISFIABLE: 416,
  UNPROCESSABLE: 422,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const titleOf = (status: number): string => TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
