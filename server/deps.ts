// What the app is built from: created once in main.ts (or per test) and handed to createApp.
import type { Config } from './config/config';
import type { Database } from './db/database';
import type { Logger } from './http/logger';

export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
}
