import Papa from 'papaparse';
import { vi } from 'vitest';

/** The text of a Blob (jsdom's Blob has no text(): FileReader it is). */
export function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });
}

/** Every download the page starts, with the name it would be saved under. */
export function captureDownloads() {
  const saved: { blob: Blob; name: string }[] = [];
  let made: Blob | null = null;
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => ((made = blob), 'blob:test'),
      revokeObjectURL: () => {},
    }),
  );
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    if (made) saved.push({ blob: made, name: this.download });
    made = null;
  });
  return saved;
}

/** The rows of a downloaded CSV, by header (the byte-order mark dropped). */
export async function rowsOf(blob: Blob): Promise<Record<string, string>[]> {
  return Papa.parse<Record<string, string>>((await blobText(blob)).replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
}
