// What the pages show of attachments: the files under their message, the file field with its limits and every
// refused file's message, and error-summary links that land on the file input.
import type { AttachmentInfo } from './attachment-repository';
import { ACCEPTED_TYPES, ATTACHMENT_FIELD, megabytes, type AttachmentLimits } from './attachments';

/** The file input's `accept`: the extensions and types the content check takes (a hint; the check decides). */
const ACCEPT = [...Object.keys(ACCEPTED_TYPES).map((ext) => `.${ext}`), '.jpeg', ...Object.values(ACCEPTED_TYPES)].join(
  ',',
);

/** The files of a ticket placed where they were sent: under the question, or under their message. */
export function placeAttachments<M extends { id: number }>(messages: M[], files: AttachmentInfo[]) {
  return {
    question: files.filter((f) => f.messageId === null),
    messages: messages.map((m) => ({ ...m, attachments: files.filter((f) => f.messageId === m.id) })),
  };
}

/** The messages of a file field and of its numbered fields, for showing them all at the field. */
export function attachmentErrors(errors: Record<string, string>, field: string = ATTACHMENT_FIELD): string[] {
  return Object.entries(errors)
    .filter(([name]) => name === field || new RegExp(`^${field}_\\d+$`).test(name))
    .map(([, message]) => message);
}

/** The error summary's links for numbered file fields point at the file input itself. */
export function withFileAnchors(summary: { field: string; message: string }[]) {
  return summary.map((s) => {
    const base = /^(.*attachments)_\d+$/.exec(s.field)?.[1];
    return base ? { ...s, anchor: `field-${base}` } : s;
  });
}

/** A file field of a form: its name, the limits for its hint, and the messages of the files refused last time. */
export function fileField(name: string, limits: AttachmentLimits, errors: Record<string, string>) {
  const messages = attachmentErrors(errors, name);
  return {
    name,
    accept: ACCEPT,
    maxMb: megabytes(limits.maxBytes),
    maxFiles: limits.maxFiles,
    errors: messages,
    // A form that comes back has lost its files (a browser never refills a file input).
    again: Object.keys(errors).length > 0,
  };
}
