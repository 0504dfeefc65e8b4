/** Data → JSON text: stable key order as built, two-space indent, one trailing newline. */
export function renderJson(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
