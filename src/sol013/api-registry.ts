/**
 * The SOL005 APIs this service serves and their versions (SOL013 cl. 9). `v2` routes follow SOL005
 * V4.5.1 (API version 2.12.0) and require the `Version` request header; `v1` routes follow SOL005 V2.4.1
 * for existing clients, which predate that header, so it is optional there.
 */
export interface ApiMajor {
  major: string;
  /** Full versions accepted in the `Version` request header; the first is announced on responses. */
  versions: string[];
  requireVersionHeader: boolean;
}

export interface ApiDefinition {
  apiName: string;
  majors: ApiMajor[];
}

export const SOL005_APIS: ApiDefinition[] = [
  {
    apiName: 'nsd',
    majors: [
      { major: 'v1', versions: ['1.0.0'], requireVersionHeader: false },
      { major: 'v2', versions: ['2.12.0'], requireVersionHeader: true },
    ],
  },
  {
    apiName: 'nslcm',
    majors: [
      { major: 'v1', versions: ['1.0.0'], requireVersionHeader: false },
      { major: 'v2', versions: ['2.12.0'], requireVersionHeader: true },
    ],
  },
  {
    // nsfm stayed at major v1 in SOL005 V4.5.1 (API version 1.12.0); V2.4.1 clients (1.0.0) share it.
    apiName: 'nsfm',
    majors: [{ major: 'v1', versions: ['1.12.0', '1.0.0'], requireVersionHeader: false }],
  },
  {
    apiName: 'vnfpkgm',
    majors: [
      { major: 'v1', versions: ['1.0.0'], requireVersionHeader: false },
      { major: 'v2', versions: ['2.12.0'], requireVersionHeader: true },
    ],
  },
];

/** Our own non-SOL005 API (`/nfvo/v1`), OAuth and health endpoints announce this version. */
export const NFVO_API_VERSION = '1.0.0';

export function findApi(apiName: string): ApiDefinition | undefined {
  return SOL005_APIS.find((a) => a.apiName === apiName);
}

export function findMajor(apiName: string, major: string): ApiMajor | undefined {
  return findApi(apiName)?.majors.find((m) => m.major === major);
}
