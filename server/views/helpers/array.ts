// {{#each (array "a" "b")}}: a literal list in a template.
export function array(...args: unknown[]): unknown[] {
  return args.slice(0, -1);
}
