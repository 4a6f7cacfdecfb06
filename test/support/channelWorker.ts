import { expose } from 'comlink';

/**
 * A worker for node: a real MessageChannel with `api` exposed on the far end (so every call
 * crosses a structured-clone boundary as in the browser), or, with null, a worker that never
 * answers, to see what a caller does when Comlink would hang. Counts the messages sent to it,
 * and notes the methods called (and the k of each `cluster` call).
 */
export class ChannelWorker extends EventTarget {
  terminated = false;
  messages = 0;
  readonly calls: string[] = [];
  readonly jobs: number[] = [];
  private readonly port: MessagePort;

  constructor(api: object | null) {
    super();
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    port1.addEventListener('message', (event) =>
      this.dispatchEvent(new MessageEvent('message', { data: (event as MessageEvent).data })),
    );
    port1.start();
    if (api !== null) expose(api, port2 as unknown as Parameters<typeof expose>[1]);
  }

  postMessage(message: unknown, transfer?: Transferable[]) {
    this.messages++;
    const call = message as {
      type?: string;
      path?: string[];
      argumentList?: { value?: unknown }[];
    };
    if (call.type === 'APPLY' && call.path) {
      const method = call.path.join('.');
      this.calls.push(method);
      if (method === 'cluster') this.jobs.push(call.argumentList?.[0]?.value as number);
    }
    if (!this.terminated) this.port.postMessage(message, (transfer ?? []) as never);
  }

  terminate() {
    this.terminated = true;
    this.port.close();
  }
}
