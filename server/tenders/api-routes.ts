// POST /api/v1/tender-documents and /api/v1/action-plans: JSON in, .docx out (or 422 naming each bad field);
// POST /api/v1/tender-documents/check: the checks and eForms hints as JSON.
import { Router, type Response } from 'express';
import { DOCX_MIME } from './tender-document';
import type { GeneratedFile, TenderService } from './service';
import { ZIP_MIME } from './tender-package';

export function sendDocx(res: Response, file: GeneratedFile): void {
  res.setHeader('Content-Type', file.contentType ?? DOCX_MIME);
  res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
  res.setHeader('Content-Length', String(file.buffer.length));
  res.setHeader('Cache-Control', 'no-store');
  res.end(file.buffer);
}

export function tenderApiRoutes(tenders: TenderService): Router {
  const router = Router();
  router.post('/tender-documents', async (req, res) => {
    // Every problem at once (fields, clause parameters, weights), or the plan.
    const plan = await tenders.planInput(req.body ?? {});
    // Accept: application/zip asks for the package (the .docx and its spreadsheet annexes).
    const format = req.accepts([DOCX_MIME, ZIP_MIME]) === ZIP_MIME ? 'zip' : 'docx';
    res.vary('Accept');
    sendDocx(res, await tenders.generateTender(plan, format));
  });
  // The same checks the review page shows, and what to declare in the eForms notice, as JSON.
  router.post('/tender-documents/check', async (req, res) => {
    const { blocking, checks, eforms } = await tenders.review(req.body ?? {});
    res.setHeader('Cache-Control', 'no-store');
    res.json({ blocking, checks, eforms });
  });
  router.post('/action-plans', async (req, res) => {
    const request = tenders.parseActionPlan(req.body ?? {});
    sendDocx(res, await tenders.generateActionPlan(request));
  });
  return router;
}
