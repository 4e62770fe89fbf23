import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request } from 'node:http';
import { pipeline } from 'node:stream/promises';

export interface UploadResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The response body (small: a 202 or a problem document), as text. */
  body: string;
  bytes: number;
  /** From the first byte sent to the end of the response. */
  ms: number;
}

/**
 * PUTs (or POSTs) a file streamed from disk with a Content-Length: the client never holds more than the read
 * stream's buffer, so only the server's memory is measured. Resolves with the response, whatever its status.
 */
export async function streamFile(url: string, file: string, headers: Record<string, string>, method = 'PUT'): Promise<UploadResult> {
  const { size } = await stat(file);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, 'Content-Length': String(size) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), bytes: size, ms: performance.now() - started }));
    });
    req.on('error', reject);
    // An early answer (413, 415) ends the exchange: the server may close before the whole file is sent.
    pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), req).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET' && e.code !== 'ERR_STREAM_PREMATURE_CLOSE') reject(e);
    });
  });
}
