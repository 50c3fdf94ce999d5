// A bounded multipart/form-data reader for the few forms that upload files (the notice import). It runs before
// the CSRF check, so the `_csrf` field of the form is seen; it reads nothing unless the route asked for it.
import type { Request, RequestHandler } from 'express';
import { BadRequest, PayloadTooLarge } from './errors';

export interface UploadedFile {
  field: string;
  filename: string;
  content: Buffer;
}

declare module 'express-serve-static-core' {
  interface Request {
    files?: UploadedFile[];
  }
}

export interface MultipartLimits {
  maxBytes: number;
  maxFiles: number;
  maxFields: number;
  /** The 413 answered over maxBytes or maxFiles (the default names no limit). */
  tooLarge?: () => PayloadTooLarge;
}

/** The files the form sent in one field. */
export function uploadedFiles(req: Request, field: string): UploadedFile[] {
  return (req.files ?? []).filter((f) => f.field === field);
}

function boundaryOf(req: Request): string | undefined {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) return undefined;
  const match = /boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(type);
  return match?.[1] ?? match?.[2];
}

function readBody(req: Request, maxBytes: number, tooLarge: () => PayloadTooLarge): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      // Read (and drop) the rest, so the client gets the answer rather than a reset connection.
      req.resume();
      return reject(tooLarge());
    }
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
        return;
      }
      parts.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

/** Browsers write `"`, CR and LF in a file name as %22, %0D and %0A (HTML's multipart encoding); no path. */
function filenameOf(raw: string): string {
  return raw
    .replace(/%22/g, '"')
    .replace(/%0D/gi, '\r')
    .replace(/%0A/gi, '\n')
    .replace(/^.*[\\/]/, '');
}

/** Splits a multipart body into text fields and files (RFC 7578). */
export function parseMultipart(
  body: Buffer,
  boundary: string,
  limits: Pick<MultipartLimits, 'maxFiles' | 'maxFields' | 'tooLarge'>,
): { fields: Record<string, string>; files: UploadedFile[] } {
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  let position = body.indexOf(delimiter);
  if (position < 0) throw new BadRequest();
  let fieldCount = 0;
  for (;;) {
    const start = position + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) throw new BadRequest();
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
    const part = body.subarray(start + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw new BadRequest();
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    if (name !== undefined) {
      if (filename !== undefined) {
        if (filename !== '' || content.length > 0) {
          if (files.length >= limits.maxFiles) throw (limits.tooLarge ?? (() => new PayloadTooLarge()))();
          files.push({ field: name, filename: filenameOf(filename), content: Buffer.from(content) });
        }
      } else {
        fieldCount += 1;
        if (fieldCount > limits.maxFields) throw new BadRequest();
        fields[name] = content.toString('utf8');
      }
    }
    position = next;
  }
  return { fields, files };
}

/** Reads a multipart form into req.body (text fields) and req.files, when `accept(req)` says the route takes one. */
export function multipartForm(limits: MultipartLimits, accept: (req: Request) => boolean): RequestHandler {
  return (req, _res, next) => {
    const boundary = req.method === 'POST' ? boundaryOf(req) : undefined;
    if (!boundary || !accept(req)) return next();
    readBody(req, limits.maxBytes, limits.tooLarge ?? (() => new PayloadTooLarge())).then(
      (body) => {
        try {
          const { fields, files } = parseMultipart(body, boundary, limits);
          req.body = fields;
          req.files = files;
          next();
        } catch (err) {
          next(err);
        }
      },
      (err: unknown) => next(err),
    );
  };
}
