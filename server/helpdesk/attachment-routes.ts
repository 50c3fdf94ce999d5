// Files on tickets over HTTP: the multipart reader for the forms that may carry them (before the CSRF check, so
// `_csrf` is read from the form), and the downloads, for the ticket's staff and for the holder of its tracking link.
import { Router, type Request, type Response } from 'express';
import { hasRole, requireRole } from '../accounts/roles';
import type { Config } from '../config/config';
import { NotFound, PayloadTooLarge } from '../http/errors';
import { multipartForm } from '../http/multipart';
import { LANGUAGES } from '../i18n/languages';
import type { AttachmentRepository, StoredAttachment } from './attachment-repository';
import { contentDisposition, megabytes } from './attachments';
import type { TicketIntake } from './intake';
import type { TicketService } from './tickets';

const LANG = `(?:${LANGUAGES.join('|')})`;
const PUBLIC_FORMS = new RegExp(`^/${LANG}/helpdesk(?:/track/[A-Za-z0-9_-]{20,100}/reply)?$`);
const STAFF_FORMS = new RegExp(`^/${LANG}/staff/tickets/\\d+/(?:reply|note|canned)$`);

/** The largest form body: every file at its largest, and room for the text fields. */
export function uploadLimit(config: Config): number {
  return config.attachments.maxBytes * config.attachments.maxFiles + 256 * 1024;
}

/** Reads the multipart body of the question form, the tracking page's reply and the staff reply/note form. */
export function attachmentUploadBody(config: Config) {
  const maxBytes = uploadLimit(config);
  return multipartForm(
    {
      maxBytes,
      // More files than allowed still reach the check, which names them (422); far more is refused outright.
      maxFiles: config.attachments.maxFiles * 2 + 5,
      maxFields: 40,
      tooLarge: () => new PayloadTooLarge('attachments.too_large', { maxMb: megabytes(maxBytes) }),
    },
    (req) =>
      PUBLIC_FORMS.test(req.path) ||
      (STAFF_FORMS.test(req.path) &&
        (hasRole(req.currentUser, 'facilitator') || hasRole(req.currentUser, 'coordinator'))),
  );
}

function sendAttachment(res: Response, file: StoredAttachment) {
  res.setHeader('Content-Type', file.mediaType);
  res.setHeader('Content-Disposition', contentDisposition(file.filename));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Content-Length', String(file.content.length));
  res.end(file.content);
}

const attachmentId = (req: Request) => {
  const id = Number(req.params.attachmentId);
  if (!Number.isInteger(id) || id <= 0) throw new NotFound();
  return id;
};

export interface AttachmentRouteDeps {
  tickets: TicketService;
  intake: TicketIntake;
  attachments: AttachmentRepository;
}

export function attachmentRoutes({ tickets, intake, attachments }: AttachmentRouteDeps): Router {
  const router = Router();

  // The same rule as the ticket page: a ticket the user may handle (staff routes require the role first).
  router.get(
    '/staff/tickets/:id/attachments/:attachmentId',
    ...requireRole('facilitator', 'coordinator'),
    async (req, res) => {
      const ticket = await tickets.forStaff(Number(req.params.id), req.currentUser!);
      const file = await attachments.find(ticket.id, attachmentId(req));
      if (!file) throw new NotFound();
      sendAttachment(res, file);
    },
  );

  // The holder of the tracking link: the files of that ticket only, never those of internal notes.
  router.get('/helpdesk/track/:token/attachments/:attachmentId', async (req, res) => {
    const ticket = await intake.byToken(String(req.params.token));
    const file = await attachments.find(ticket.id, attachmentId(req));
    if (!file || file.messageKind === 'internal_note') throw new NotFound();
    res.setHeader('Referrer-Policy', 'no-referrer');
    sendAttachment(res, file);
  });

  return router;
}
