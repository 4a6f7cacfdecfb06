import { message } from '../core/common/message';
import { englishText } from '../i18n/formatMessage';

/** Hands a file to the browser's download, from memory: nothing goes over the network. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next task; keep the URL a little longer for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches one of the page's own sample files (same origin). */
export async function fetchSample(name: string): Promise<Blob> {
  const response = await fetch(`${import.meta.env.BASE_URL}${name}`);
  if (!response.ok) {
    // The page says the sentence in its language (see describeError); the text is for logs.
    const sentence = message('sampleNotLoaded', { name, status: response.status });
    throw Object.assign(new Error(englishText(sentence)), { sentence });
  }
  return response.blob();
}
