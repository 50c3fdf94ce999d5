// Files on questions, replies and notes: which are accepted (the type read from the content, never from the name
// or the declared type), how many and how large, and how each file's name is made safe. One place for the rules:
// the forms, the inbound e-mail and the downloads all go through it.
import { fileTypeFromBuffer } from 'file-type';
import { ValidationFailed, type FieldProblem } from '../http/errors';
import type { NewAttachment } from './attachment-repository';

/** What file-type reports for each accepted kind (a DOCX, XLSX or ODT is a zip it looks into). */
export const ACCEPTED_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  png: 'image/png',
  jpg: 'image/jpeg',
};

/** The name of the form field that carries files. */
export const ATTACHMENT_FIELD = 'attachments';

export interface IncomingFile {
  filename: string;
  content: Buffer;
}

export interface AttachmentLimits {
  maxBytes: number;
  maxFiles: number;
}

export type Refusal = { filename: string; reason: 'type' | 'size' | 'count' | 'empty' };

/** A name that is safe to store and to send back: no path, no control characters, at most 200 characters. */
export function safeFilename(name: string): string {
  const base = name
    .replace(/^.*[\\/]/, '')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001F\u007F-\u009F"<>|*?:]/g, '_')
    .trim()
    .replace(/^\.+/, '');
  if (!base) return 'attachment';
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 200 - ext.length) + ext;
}

/** The Content-Disposition of a download: always an attachment, with an ASCII fallback and the RFC 5987 name. */
export function contentDisposition(filename: string): string {
  const ascii = filename
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7E]/g, '_')
    .replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export class AttachmentRules {
  constructor(public readonly limits: AttachmentLimits) {}

  /** Sorts files into accepted (with their checked type) and refused (with the reason), in the order given. */
  async sort(files: IncomingFile[]): Promise<{ accepted: NewAttachment[]; refused: Refusal[] }> {
    const accepted: NewAttachment[] = [];
    const refused: Refusal[] = [];
    for (const file of files) {
      const filename = safeFilename(file.filename);
      const mediaType = file.content.length > 0 ? await checkedType(file.content) : undefined;
      const reason: Refusal['reason'] | undefined =
        accepted.length >= this.limits.maxFiles
          ? 'count'
          : file.content.length === 0
            ? 'empty'
            : file.content.length > this.limits.maxBytes
              ? 'size'
              : mediaType
                ? undefined
                : 'type';
      if (reason || !mediaType) refused.push({ filename, reason: reason ?? 'type' });
      else accepted.push({ filename, mediaType, content: file.content });
    }
    return { accepted, refused };
  }

  /** The files of a form: every one accepted, or a 422 naming each refused file and why. */
  async check(files: IncomingFile[], field = ATTACHMENT_FIELD): Promise<NewAttachment[]> {
    const { accepted, refused } = await this.sort(files);
    if (refused.length > 0) throw new AttachmentsRefused(refused, this.limits, field);
    return accepted;
  }

  /** Checks the form's text (`validate` throws ValidationFailed) and its files; one 422 names every problem. */
  async checkAlong<T>(
    files: IncomingFile[],
    validate: () => T,
    field = ATTACHMENT_FIELD,
  ): Promise<{ value: T; files: NewAttachment[] }> {
    const problems: FieldProblem[] = [];
    let value: T | undefined;
    try {
      value = validate();
    } catch (err) {
      if (!(err instanceof ValidationFailed)) throw err;
      problems.push(...err.details);
    }
    const { accepted, refused } = await this.sort(files);
    if (refused.length > 0) problems.push(...new AttachmentsRefused(refused, this.limits, field).details);
    if (problems.length > 0) throw new ValidationFailed(problems);
    return { value: value as T, files: accepted };
  }
}

/** The accepted media type the content shows (undefined when it is none of them). */
async function checkedType(content: Buffer): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(content);
  return detected ? ACCEPTED_TYPES[detected.ext] : undefined;
}

/** One problem per refused file, under the form's file field (the first) and numbered fields after it
 * (`attachments_2`, …), so the error summary lists each; attachmentErrors() gathers them back for the field. */
export class AttachmentsRefused extends ValidationFailed {
  constructor(
    public readonly refused: Refusal[],
    limits: AttachmentLimits,
    field = ATTACHMENT_FIELD,
  ) {
    super(
      refused.map((r, i): FieldProblem => ({
        field: i === 0 ? field : `${field}_${i + 1}`,
        messageKey: `attachments.refused.${r.reason}`,
        params: { file: r.filename, maxMb: megabytes(limits.maxBytes), max: limits.maxFiles },
      })),
    );
  }
}

export function megabytes(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}
