/** Lets the thread take messages (a cancel) between steps: at most every 50 ms. */
export function pacer(): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < 50) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    last = Date.now();
  };
}
