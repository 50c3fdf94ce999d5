// {{#if (eq a b)}}: strict equality for templates.
export function eq(a: unknown, b: unknown): boolean {
  return a === b;
}
