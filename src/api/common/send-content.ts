import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { Request, Response } from 'express';
import { NfvoError } from '../../shared/nfvo-error';

export interface ContentSource {
  size: number;
  contentType: string;
  fileName?: string;
  open(range?: { start: number; end: number }): Readable;
}

/**
 * Streams content with single-range support (RFC 9110 cl. 14; SOL005 content GETs: 206 and 416).
 * Several ranges in one request are answered with the whole content (a server may ignore Range).
 */
export async function sendContent(req: Request, res: Response, src: ContentSource): Promise<void> {
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Content-Type', src.contentType);
  if (src.fileName) res.setHeader('Content-Disposition', `attachment; filename="${src.fileName.replace(/["\\\r\n]/g, '_')}"`);
  const range = parseRange(req.header('range'), src.size, res);
  if (range) {
    res.status(206).setHeader('Content-Range', `bytes ${range.start}-${range.end}/${src.size}`);
    res.setHeader('Content-Length', String(range.end - range.start + 1));
  } else {
    res.status(200).setHeader('Content-Length', String(src.size));
  }
  if (req.method === 'HEAD') return void res.end();
  try {
    await pipeline(src.open(range), res);
  } catch {
    // The client went away or the store failed mid-stream: headers are sent, so only the socket can say so.
    res.destroy();
  }
}

function parseRange(header: string | undefined, size: number, res: Response): { start: number; end: number } | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (!m[1] && !m[2])) {
    if (/^bytes=.+,/.test(header)) return undefined;
    unsatisfiable(res, size, `The Range header "${header.slice(0, 60)}" is not a single byte range (bytes=first-last).`);
  }
  let start: number;
  let end: number;
  if (!m![1]) {
    const suffix = Number(m![2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m![1]);
    end = m![2] ? Math.min(Number(m![2]), size - 1) : size - 1;
  }
  if (start >= size || start > end || size === 0) unsatisfiable(res, size, `The range ${header.slice(0, 60)} lies outside the content of ${size} bytes.`);
  return { start, end };
}

function unsatisfiable(res: Response, size: number, detail: string): never {
  res.setHeader('Content-Range', `bytes */${size}`);
  throw new NfvoError('RANGE_NOT_SATISFIABLE', detail);
}
