import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // two cores: each worker pays nodejieba's ~1 s / 240 MB dictionary load once
    pool: "forks",
    maxWorkers: 2,
    // a timeout catches a hang, not slowness (speed is measured by bench/, against baselines of
    // the same run): the end-to-end tests run the real command on the bundled sample, which on a
    // 2-core machine shared with other CPU-bound jobs took over 30 s
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { TZ: "Asia/Shanghai" },
  },
});
