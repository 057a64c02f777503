const LOG_FACT: number[] = [0];
function logFactorial(k: number): number {
  for (let i = LOG_FACT.length; i <= k; i++) LOG_FACT.push(LOG_FACT[i - 1]! + Math.log(i));
  return LOG_FACT[k]!;
}

/** P(X = k) for X ~ Poisson(lambda). */
export function poissonPmf(k: number, lambda: number): number {
  if (lambda <= 0) return k === 0 ? 1 : 0;
  return Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
}

/**
 * P(X >= x) for X ~ Poisson(lambda), summed from x upwards (no cancellation for tiny tails).
 */
export function poissonUpperTail(x: number, lambda: number): number {
  if (x <= 0) return 1;
  if (lambda <= 0) return 0;
  if (x <= lambda) {
    // the lower part is the smaller sum here
    let lower = 0;
    for (let k = 0; k < x; k++) lower += poissonPmf(k, lambda);
    return Math.max(0, 1 - lower);
  }
  let sum = 0;
  for (let k = x; ; k++) {
    const term = poissonPmf(k, lambda);
    sum += term;
    if (term < sum * 1e-17 || term === 0) break;
  }
  return Math.min(1, sum);
}
