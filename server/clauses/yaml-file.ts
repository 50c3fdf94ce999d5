// Parsing a library YAML file with problems that name the file and the line or field.
import YAML from 'yaml';
import type { z } from 'zod';
import type { FileProblem } from './files';

export function zodProblems(file: string, error: z.ZodError): FileProblem[] {
  return error.issues.map((issue) => ({ file, field: issue.path.join('.') || '(file)', message: issue.message }));
}

export function parseYaml(file: string, source: string): { value?: unknown; problems: FileProblem[] } {
  const doc = YAML.parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        file,
        field: `(line ${e.linePos?.[0].line ?? '?'})`,
        message: e.message.split('\n')[0],
      })),
    };
  }
  return { value: doc.toJS(), problems: [] };
}
