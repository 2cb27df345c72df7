/**
 * Runs a task with at most one in flight. Calls made while it runs collapse into one more run
 * afterwards, which sees the latest state: a dragged slider redraws as fast as the engine
 * can, never queueing stale work.
 */
export function latestOnly(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;

  const loop = async (): Promise<void> => {
    try {
      do {
        again = false;
        await task().catch(() => undefined);
      } while (again);
    } finally {
      running = null;
    }
  };

  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = loop();
    return running;
  };
}
