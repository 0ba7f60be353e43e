/**
 * Rate limits count in fixed one-minute windows aligned to the clock (create-rate-limiter.ts):
 * a burst that straddles a minute boundary is counted in two windows and passes a limit it
 * should hit. Late in a minute, wait for the next one so a test's burst lands in one window.
 */
export async function waitForFreshRateWindow({
  latestSecond = 45,
}: { latestSecond?: number } = {}): Promise<void> {
  const second = new Date().getUTCSeconds();
  if (second > latestSecond) {
    await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
  }
}
