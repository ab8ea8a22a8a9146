/* jsdom lacks ResizeObserver, which Fluent UI's MessageBar uses for its reflow; a browser has it. */
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;
