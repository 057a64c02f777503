/**
 * bin/ducha.js starts `classify --workers N`'s workers before it imports the CLI, and run() asks
 * again: the workers must be started once per command, only for classify with a valid count.
 */
import { afterEach, describe, expect, it } from "vitest";
import { commandEnded, startWorkersFor, workersAsked } from "../../src/cli/early.js";
import { dropEarlyWorkers, earlyWorkers } from "../../src/classify/spawn.js";

afterEach(async () => {
  await dropEarlyWorkers();
  commandEnded();
});

describe("workers started before the CLI loads", () => {
  it("reads the count only for classify, not for help or a count the command refuses", () => {
    expect(workersAsked("classify", ["a.csv", "--out", "b.csv", "--workers", "2"])).toBe(2);
    expect(workersAsked("classify", ["a.csv", "--workers=1", "--out", "b.csv"])).toBe(1);
    expect(workersAsked("classify", ["a.csv", "--out", "b.csv"])).toBe(0);
    expect(workersAsked("classify", ["--help", "--workers", "2"])).toBe(0);
    expect(workersAsked("classify", ["a.csv", "--workers", "17"])).toBe(0);
    expect(workersAsked("classify", ["a.csv", "--workers", "1.5"])).toBe(0);
    expect(workersAsked("stats", ["a.csv", "--workers", "2"])).toBe(0);
  });

  it("starts the workers once per command: the second call (run() after bin/ducha.js) starts none", () => {
    const argv = ["classify", "a.csv", "--out", "b.csv", "--workers", "2"];
    startWorkersFor(argv);
    expect(earlyWorkers().waiting).toBe(2);
    startWorkersFor([...argv]);
    expect(earlyWorkers().waiting).toBe(2);
  });

  it("starts a later command's own workers once the previous command ended", async () => {
    startWorkersFor(["classify", "a.csv", "--workers", "1"]);
    await dropEarlyWorkers();
    commandEnded();
    startWorkersFor(["classify", "a.csv", "--workers", "1"]);
    expect(earlyWorkers().waiting).toBe(1);
  });

  it("starts none for other commands", () => {
    startWorkersFor(["stats", "a.csv", "--workers", "2"]);
    startWorkersFor([]);
    expect(earlyWorkers().waiting).toBe(0);
  });
});
