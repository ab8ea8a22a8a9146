/** Long words without spaces for tests of pathological text. */

/** A word of `n` letters and digits without spaces that does not repeat itself (another one per seed). */
export function longWord(n: number, seed = 1): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ0123456789';
  let x = seed * 7919 + 1;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[x % alphabet.length];
  }
  return out;
}
