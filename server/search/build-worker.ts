// Builds a search index off the main thread (a rebuild of 10,000 clauses takes seconds) and hands back
// its serialized form.
import { parentPort, workerData } from 'node:worker_threads';
import type { SearchDocument } from './documents';
import { buildIndex, serializeIndex } from './search-index';
import type { ThesaurusGroup } from './thesaurus';

const { documents, groups } = workerData as { documents: SearchDocument[]; groups: ThesaurusGroup[] };
parentPort!.postMessage(serializeIndex(buildIndex(documents, groups)));
