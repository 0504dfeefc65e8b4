/**
 * How gift names are compared: case- and space-insensitive, so "TikTok Universe", "tiktok universe"
 * and "tiktokuniverse" are one name. Apostrophes, hyphens, dots and underscores are ignored too
 * ("Adam’s Dream" = "adams dream", "Like-Pop" = "likepop"); other signs count: "TikTok Universe+"
 * is a different gift from "TikTok Universe".
 */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s'’‘`´\-_.]+/gu, "");
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent transposition). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (d[(i - 1) * cols + j] ?? 0) + 1,
        (d[i * cols + j - 1] ?? 0) + 1,
        (d[(i - 1) * cols + j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (d[(i - 2) * cols + j - 2] ?? 0) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1] ?? 0;
}

/** Up to `limit` candidates close to `wanted`, nearest first (prefix matches count as close). */
export function closestNames(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
  const key = normaliseName(wanted);
  if (key === "") return [];
  const threshold = Math.max(1, Math.floor(key.length / 3));
  const scored: { name: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const name of candidates) {
    const normal = normaliseName(name);
    if (seen.has(normal)) continue;
    seen.add(normal);
    const distance = editDistance(key, normal);
    const isPrefix = key.length >= 3 && normal.startsWith(key);
    if (distance <= threshold || isPrefix) scored.push({ name, score: isPrefix ? 0.5 : distance });
  }
  // Ties in English order, whatever the machine's locale: the same hint everywhere.
  scored.sort((x, y) => x.score - y.score || x.name.localeCompare(y.name, "en"));
  return scored.slice(0, limit).map((entry) => entry.name);
}
