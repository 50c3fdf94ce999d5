// {{concat "a." b}}: joins strings, e.g. to build a message key from a code.
export function concat(...args: unknown[]): string {
  return args
    .slice(0, -1)
    .map((a) => String(a ?? ''))
    .join('');
}
