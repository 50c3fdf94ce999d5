// Attachments and inbound e-mail on SQLite, one client at a time over 127.0.0.1: the question form (multipart)
// with a 1 MB PDF, and an e-mail reply with a 100 KB PDF through the SMTP listener into its ticket.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config/config';
import { inboundMailFor } from '../server/helpdesk/inbound-mail';
import { createLogger } from '../server/http/logger';
import { buildDeps, prepareDatabase } from '../server/startup';
import { pdfOfSize } from '../test/support/attachments';
import { ms, summarise, type Row } from './stats';

const RUNS = Number(process.env.BENCH_ATTACHMENT_RUNS ?? 40);
const DOMAIN = 'replies.bench.example';

export async function attachmentBench(): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-attachments-'));
  const config = loadConfig({
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    RETENTION_INTERVAL_HOURS: '0',
    HELPDESK_ALERT_MINUTES: '0',
    TICKET_RATE_LIMIT: '0',
    INBOUND_EMAIL_DOMAIN: DOMAIN,
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-00',
  });
  const logger = createLogger('silent');
  const db = await prepareDatabase(config, logger);
  const deps = await buildDeps(config, db, logger);
  const server = http.createServer(createApp(deps));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const inbound = await inboundMailFor(deps, {
    host: '127.0.0.1',
    port: 0,
    maxBytes: config.inbound.maxBytes,
    logger,
  }).listen();
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: inbound.port, ignoreTLS: true });
  try {
    const page = await fetch(`${base}/nl/helpdesk`);
    const cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)![1];
    const file = new Blob([pdfOfSize(2 ** 20)], { type: 'application/pdf' });
    const creation: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const form = new FormData();
      for (const [k, v] of Object.entries({
        _csrf: csrf,
        question: `Mag ik het bestek als bijlage meesturen? (${i})`,
        theme: 'social',
        name: 'Bench',
        email: `bench${i}@example.org`,
        organisation: 'Bench',
        privacy: 'yes',
      }))
        form.append(k, v);
      form.append('attachments', file, 'bestek.pdf');
      const start = performance.now();
      const res = await fetch(`${base}/nl/helpdesk`, {
        method: 'POST',
        body: form,
        headers: { Cookie: cookie },
        redirect: 'manual',
      });
      creation.push(performance.now() - start);
      if (res.status !== 303) throw new Error(`ticket creation answered ${res.status}`);
    }
    const replyTo = (await db('mail_outbox').whereNotNull('extras').select('extras'))
      .map((r: { extras: string }) => (JSON.parse(r.extras) as { headers: Record<string, string> }).headers['Reply-To'])
      .filter(Boolean);
    const small = pdfOfSize(100 * 1024);
    const mails: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const start = performance.now();
      await transport.sendMail({
        from: `bench${i}@example.org`,
        to: replyTo[i % replyTo.length],
        text: `Dank u.\n\nOp ma 7 dec. 2026 schreef Helpdesk:\n> Ja.`,
        attachments: [{ filename: 'bijlage.pdf', content: small }],
      });
      mails.push(performance.now() - start);
    }
    const c = summarise(creation);
    const m = summarise(mails);
    return [
      {
        area: 'attachments, SQLite',
        case: 'ticket creation with a 1 MB attachment (question form, multipart)',
        metric: `p50 / p95 (${c.n} sequential)`,
        value: `${ms(c.p50)} / ${ms(c.p95)}`,
      },
      {
        area: 'attachments, SQLite',
        case: 'inbound mail handling (SMTP reply with a 100 KB PDF into its ticket)',
        metric: `p50 / p95 (${m.n} sequential)`,
        value: `${ms(m.p50)} / ${ms(m.p95)}`,
      },
    ];
  } finally {
    transport.close();
    await inbound.close();
    await new Promise((resolve) => server.close(resolve));
    await deps.stop();
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
