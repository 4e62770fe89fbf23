import busboy from 'busboy';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { NfvoError } from '../../shared/nfvo-error';

/**
 * The one file part of a multipart/form-data upload (SOL005 V2.4.1 cl. 9.4.5.3.3 sends the package as
 * form field `file`), streamed: the caller consumes it while the request is still arriving.
 */
export function multipartFile(req: Request): Promise<{ stream: Readable; contentType?: string; fileName?: string }> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fields: 10, parts: 11 } });
    } catch (e) {
      return reject(new NfvoError('BAD_REQUEST', `The multipart body cannot be read: ${(e as Error).message}`));
    }
    let found = false;
    bb.on('file', (_name, stream, info) => {
      found = true;
      resolve({ stream, contentType: info.mimeType?.toLowerCase(), fileName: info.filename });
    });
    bb.on('error', (e) => reject(new NfvoError('BAD_REQUEST', `The multipart body is malformed: ${(e as Error).message}`)));
    bb.on('close', () => {
      if (!found) reject(new NfvoError('BAD_REQUEST', 'The multipart body has no file part; send the package in the form field "file".'));
    });
    req.pipe(bb);
  });
}
