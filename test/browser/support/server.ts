// Starts the real app on a free port over a fresh SQLite database (through the process helper the
// operations tests use), and creates staff accounts with the user-create CLI, as an operator would.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT, runScript, startApp as startProcess, type AppProcess } from '../../support/app-process';

export { ROOT };
export const STAFF_PASSWORD = 'browser tests walk every helpdesk page';

export interface StaffUser {
  email: string;
  name: string;
  roles: Array<'editor' | 'facilitator' | 'coordinator'>;
  org?: string;
}

export interface RunningApp {
  baseUrl: string;
  dataDir: string;
  /** What the server wrote lately, for diagnosis when a test fails. */
  output: string[];
  stop(): Promise<void>;
}

/** A fresh SQLite database under dataDir, whatever the caller's environment says. */
const appEnv = (dataDir: string) => ({ DATA_DIR: dataDir, DATABASE_URL: undefined, NODE_ENV: undefined });

export async function freshDataDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'helpdesk-browser-'));
}

export async function removeDataDir(dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
}

export async function createUser(dataDir: string, user: StaffUser): Promise<void> {
  const args = ['--email', user.email, '--name', user.name];
  for (const role of user.roles) args.push('--role', role);
  if (user.org) args.push('--org', user.org);
  await runScript('scripts/user-create.ts', args, { ...appEnv(dataDir), NEW_USER_PASSWORD: STAFF_PASSWORD });
}

function exitedWithin(app: AppProcess, ms: number): Promise<boolean> {
  return Promise.race([
    app.exited.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);
}

export async function startApp(dataDir: string): Promise<RunningApp> {
  const app = await startProcess({ ...appEnv(dataDir), TICKET_RATE_LIMIT: '0' });
  return {
    baseUrl: app.url,
    dataDir,
    output: app.output,
    async stop() {
      if (app.child.exitCode !== null || app.child.signalCode !== null) return;
      app.signal('SIGTERM');
      if (!(await exitedWithin(app, 15_000))) {
        app.signal('SIGKILL');
        await exitedWithin(app, 5_000);
      }
    },
  };
}
