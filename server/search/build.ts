// Runs an index build in a worker thread so requests keep being answered meanwhile; falls back to
// building in-process if a worker cannot start.
import { Worker } from 'node:worker_threads';
import type { SearchDocument } from './documents';
import { buildIndex, deserializeIndex, serializeIndex, type BuiltIndex } from './search-index';
import type { ThesaurusGroup } from './thesaurus';

export interface BuildResult {
  built: BuiltIndex;
  serialized: string;
  where: 'worker' | 'main';
}

function buildInWorker(documents: SearchDocument[], groups: ThesaurusGroup[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./build-worker-entry.mjs', import.meta.url), {
      workerData: { documents, groups },
    });
    worker.once('message', (serialized: string) => {
      resolve(serialized);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`index worker exited with ${code}`));
    });
  });
}

export async function buildOffThread(documents: SearchDocument[], groups: ThesaurusGroup[]): Promise<BuildResult> {
  try {
    const serialized = await buildInWorker(documents, groups);
    return { built: deserializeIndex(serialized), serialized, where: 'worker' };
  } catch {
    const built = buildIndex(documents, groups);
    return { built, serialized: serializeIndex(built), where: 'main' };
  }
}
