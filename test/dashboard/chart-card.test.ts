// @vitest-environment jsdom
/**
 * Charts are drawn one after another, and the next one only after the browser could paint the
 * one before: queued back to back in zero-delay timers, 总览's trend chart (drawn first) stayed
 * off screen until the map and two more charts were drawn after it, 0.5–1 s at 50,000 cases.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TopLevelSpec } from "vega-lite";

const drawn = vi.hoisted(() => [] as string[]);

// vega (which probes a canvas jsdom lacks) replaced by a view that records what it draws
vi.mock("vega", () => ({
  View: class {
    constructor(private readonly runtime: { title: string }) {}
    initialize() {
      return this;
    }
    runAsync() {
      drawn.push(this.runtime.title);
      return Promise.resolve(this);
    }
    addEventListener() {}
    finalize() {}
  },
  Warn: 2,
  logger: () => ({}),
  parse: (spec: unknown) => spec,
}));
vi.mock("vega-lite", () => ({ compile: (spec: unknown) => ({ spec }) }));

const { afterCharts, chartCard } = await import("../../src/dashboard/cards.js");

const spec = (title: string) => ({ title, mark: "bar" }) as unknown as TopLevelSpec;

/** run the zero-delay timers, and those they queue, with the promises between them (5 ms) */
const settle = async () => {
  for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(1);
};

let frames: FrameRequestCallback[] = [];
const paintFrame = () => {
  const due = frames;
  frames = [];
  for (const f of due) f(performance.now());
};

beforeEach(() => {
  vi.useFakeTimers();
  drawn.length = 0;
  frames = [];
  vi.stubGlobal("requestAnimationFrame", (f: FrameRequestCallback) => frames.push(f));
});
afterEach(async () => {
  // let every queued chart finish, so the next test starts from an empty queue
  paintFrame();
  await vi.advanceTimersByTimeAsync(1000);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("chart cards", () => {
  it("draw the next chart only after a frame in which the one before could be painted", async () => {
    const cards = [chartCard(spec("趋势")), chartCard(() => spec("地图")), chartCard(spec("类型"))];
    let afterAll = false;
    void afterCharts().then(() => (afterAll = true));
    await settle();
    expect(drawn).toEqual(["趋势"]);
    expect(cards[0]!.classList.contains("is-ready")).toBe(true);
    // no frame yet: the map waits, however many zero-delay tasks run
    await vi.advanceTimersByTimeAsync(40);
    expect(drawn).toEqual(["趋势"]);
    paintFrame();
    await settle();
    expect(drawn).toEqual(["趋势", "地图"]);
    expect(cards[1]!.getAttribute("data-chart")).toBe("地图");
    paintFrame();
    await settle();
    expect(drawn).toEqual(["趋势", "地图", "类型"]);
    // cells below the charts run once the last one could be painted too
    expect(afterAll).toBe(false);
    paintFrame();
    await settle();
    expect(afterAll).toBe(true);
  });

  it("go on without frames (a hidden tab gets none) after 100 ms per chart", async () => {
    chartCard(spec("甲"));
    chartCard(spec("乙"));
    await settle();
    expect(drawn).toEqual(["甲"]);
    await vi.advanceTimersByTimeAsync(85);
    expect(drawn).toEqual(["甲"]);
    await vi.advanceTimersByTimeAsync(15);
    await settle();
    expect(drawn).toEqual(["甲", "乙"]);
  });
});
