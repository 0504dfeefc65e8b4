export type { CatalogFile, GiftEntry } from "./catalog-schema.js";
export type { ConfigFile, DefaultsFile } from "./config-schema.js";
