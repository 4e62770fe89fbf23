import type { NextFunction, Request, Response } from 'express';
import { NfvoError } from '../shared/nfvo-error';
import { NFVO_API_VERSION, findApi, findMajor } from './api-registry';

const VERSIONED_PATH = /^\/([a-z]+)\/(v\d+)(?:\/|$)/;
const API_VERSIONS_PATH = /^\/([a-z]+)\/api_versions\/?$/;

/**
 * SOL013 cl. 9.1: every response carries `Version`; on routes whose major version requires it, a request
 * without `Version` is rejected with 400 and one naming an unsupported version with 406, both listing the
 * supported versions. The `api_versions` resources are exempt: they are how a client discovers versions.
 * Mounted before the body parsers, so even a 400 for a malformed body carries `Version`.
 */
export function versionMiddleware(req: Request, res: Response, next: NextFunction): void {
  try {
    negotiate(req, res);
    next();
  } catch (e) {
    next(e);
  }
}

/** Sets the response `Version` header, and throws when the request's `Version` is missing or unsupported. */
function negotiate(req: Request, res: Response): void {
  const path = req.path;
  const root = API_VERSIONS_PATH.exec(path);
  if (root) {
    const api = findApi(root[1]);
    res.setHeader('Version', api ? api.majors[api.majors.length - 1].versions[0] : NFVO_API_VERSION);
    return;
  }
  const m = VERSIONED_PATH.exec(path);
  const major = m ? findMajor(m[1], m[2]) : undefined;
  if (!major) {
    res.setHeader('Version', NFVO_API_VERSION);
    return;
  }
  res.setHeader('Version', major.versions[0]);
  if (/^\/[a-z]+\/v\d+\/api_versions\/?$/.test(path)) return;
  const asked = req.header('Version')?.trim();
  const supported = { supportedVersions: major.versions };
  if (!asked) {
    if (!major.requireVersionHeader) return;
    throw new NfvoError('VERSION_MISSING', `The Version header is required on /${m![1]}/${m![2]} (SOL013 cl. 9.1); send one of: ${major.versions.join(', ')}`, supported);
  }
  if (!major.versions.includes(asked)) {
    throw new NfvoError('VERSION_NOT_SUPPORTED', `API version "${asked.slice(0, 40)}" is not supported on /${m![1]}/${m![2]}; supported: ${major.versions.join(', ')}`, supported);
  }
  res.setHeader('Version', asked);
}
