import type { Request } from 'express';

/** {apiRoot} of SOL013 cl. 4.1 for links: NFVO_API_ROOT when set (behind a proxy), else from the request. */
export const apiRootOf = (req: Request, configured: string | undefined): string =>
  configured ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
