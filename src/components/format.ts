/**
 * Numbers as people read them: grouped thousands, a sensible number of digits. The formatters
 * are made once (toLocaleString builds a new one at every call, and charts call it a lot).
 */
const formatters = new Map<number, Intl.NumberFormat>();

function formatter(maximumFractionDigits: number): Intl.NumberFormat {
  let found = formatters.get(maximumFractionDigits);
  if (!found) {
    found = new Intl.NumberFormat('en-US', { maximumFractionDigits });
    formatters.set(maximumFractionDigits, found);
  }
  return found;
}

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const magnitude = Math.abs(value);
  return formatter(magnitude >= 1000 ? 0 : magnitude >= 100 ? Math.min(1, digits) : digits).format(
    value,
  );
}

export function formatCount(value: number): string {
  return formatter(0).format(value);
}

export function formatPercent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatZ(z: number): string {
  const sign = z > 0 ? '+' : z < 0 ? '−' : '±';
  return `${sign}${Math.abs(z).toFixed(1)} SD`;
}

/** Builds the formatters ahead of need: the first Intl.NumberFormat costs tens of milliseconds. */
export function warmUpFormatters(): void {
  for (const digits of [0, 1, 2]) formatter(digits).format(1234.5);
}
