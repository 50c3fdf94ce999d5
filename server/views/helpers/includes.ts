// {{#if (includes list value)}}: membership test for checkboxes and selected options.
export function includes(list: unknown, value: unknown): boolean {
  return Array.isArray(list) && list.map(String).includes(String(value));
}
