/** Colour as renderers see it: functions that wrap text. The command layer decides if they colour. */
export interface Style {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly good: (text: string) => string;
  readonly bad: (text: string) => string;
  readonly warn: (text: string) => string;
  readonly accent: (text: string) => string;
}

const same = (text: string) => text;

export const PLAIN: Style = { bold: same, dim: same, good: same, bad: same, warn: same, accent: same };
