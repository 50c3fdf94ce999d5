// {{inc @index}}: a one-based number for people (row 1, row 2, …).
export function inc(value: unknown): number {
  return Number(value) + 1;
}
