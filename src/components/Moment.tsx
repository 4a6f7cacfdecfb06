/** A moment on the page: as the page's language writes it, with its ISO form for machines. */
export function Moment({ time, text }: { time: number; text: string }) {
  return <time dateTime={new Date(time).toISOString()}>{text}</time>;
}
