/** The written catalog (CatalogFile) turned into the model's Catalog; no parser needed. */
import { type Catalog, createCatalog, type Gift } from "../core/catalog.js";
import type { CatalogFile } from "./schema/catalog-schema.js";

export function catalogFromFile(file: CatalogFile): Catalog {
  const gifts: Gift[] = file.gifts.map((entry) => ({
    id: entry.id,
    name: entry.name,
    coins: entry.coins,
    isStreakable: entry.streakable,
    aliases: entry.aliases ?? [],
    ...(entry.retired === undefined ? {} : { retired: entry.retired }),
  }));
  return createCatalog(gifts, {
    description: file.source.description,
    ...(file.source.capturedAt === undefined ? {} : { capturedAt: file.source.capturedAt }),
  });
}
