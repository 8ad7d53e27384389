// Money as integer micro-dollars (1 USD = 1,000,000), so sums of many small amounts stay exact.
// Amounts arrive as JSON numbers: a number is read through its shortest decimal spelling (what
// `String(0.1)` gives: "0.1"), never through float arithmetic, then rounded half up to the
// micro-dollar. So 0.1 is exactly 100000 and 0.0000015 is 2.
const DECIMAL = /^(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

export const MICROS_PER_USD = 1_000_000;

/** Exact micro-dollars of a non-negative decimal (number or its spelling), or null when out of range. */
export function toMicros(amount: number | string): number | null {
  const text = typeof amount === 'number' ? String(amount) : amount.trim();
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const whole = match[1] as string;
  const fraction = match[2] ?? '';
  const digits = BigInt(whole + fraction);
  const shift = Number(match[3] ?? 0) - fraction.length + 6;
  let micros: bigint;
  if (shift >= 0) micros = digits * 10n ** BigInt(shift);
  else {
    const divisor = 10n ** BigInt(-shift);
    micros = digits / divisor;
    if ((digits % divisor) * 2n >= divisor) micros += 1n;
  }
  return micros <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(micros) : null;
}

/** The dollars of a micro-dollar amount: the double nearest the exact decimal (100000 → 0.1). */
export const fromMicros = (micros: number): number => micros / MICROS_PER_USD;

/** Token counts of one report, the way prices apply to them. */
export interface TokenCounts {
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
}

/** A model's prices in micro-dollars per million tokens; a missing cache rate is unknown. */
export interface MicroPrices {
  input: number;
  output: number;
  cache_read: number | null;
  cache_write: number | null;
}

/**
 * The cost of the tokens at these prices, in micro-dollars, rounded half up once over the whole
 * report (tokens × micro-dollars per million tokens ÷ 1,000,000). Null when the report has cache
 * tokens of a kind the prices do not name: an honest "unknown" rather than a guess.
 */
export function costMicros(tokens: TokenCounts, prices: MicroPrices): number | null {
  if (tokens.cache_read_tokens > 0 && prices.cache_read === null) return null;
  if (tokens.cache_write_tokens > 0 && prices.cache_write === null) return null;
  const numerator =
    BigInt(tokens.input_tokens) * BigInt(prices.input) +
    BigInt(tokens.output_tokens) * BigInt(prices.output) +
    BigInt(tokens.cache_read_tokens) * BigInt(prices.cache_read ?? 0) +
    BigInt(tokens.cache_write_tokens) * BigInt(prices.cache_write ?? 0);
  const micros = (numerator + 500_000n) / 1_000_000n;
  return micros <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(micros) : null;
}

/** "$0.42", "$12.30", "$1,234.56"; small amounts keep their significant digits ("$0.0012"); null → "—". */
export function formatUsd(usd: number | null | undefined): string {
  if (usd === null || usd === undefined) return '—';
  if (usd === 0) return '$0.00';
  if (usd < 0.01) return `$${usd.toPrecision(2).replace(/0+$/, '')}`;
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** "1.2M", "34.5k", "812" tokens. */
export function formatTokens(count: number): string {
  if (count >= 1_000_000) return `${(count / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`;
  if (count >= 1_000) return `${(count / 1_000).toFixed(1).replace(/\.0$/, '')}k`;
  return String(count);
}
