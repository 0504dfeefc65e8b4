import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // End-to-end tests spawn the built bin; the rest run in-process.
    testTimeout: 20_000,
    // Builds dist/ for those end-to-end tests when it is missing or stale.
    globalSetup: ["test/helpers/build.ts"],
  },
});
