/** Helpers for tests on the real reference server over a real WebSocket. */
import {WebSocket} from 'ws';
import type {SocketLike} from '../../src/adapters/websocket/websocket-dialer.js';

/** Waits (on real time) until `check` holds. */
export async function until(check: () => boolean, what: string, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A `ws` socket behind the adapter's SocketLike, with a hook on every incoming
 * message: `intercept` returns true to swallow it (a lost answer).
 */
export function socketWith(intercept: (data: string, socket: WebSocket) => boolean) {
  return (url: string): SocketLike => {
    const socket = new WebSocket(url);
    const facade: SocketLike = {
      get readyState() {
        return socket.readyState;
      },
      send: (data) => socket.send(data),
      close: () => socket.terminate(),
      onopen: null,
      onmessage: null,
      onclose: null,
      onerror: null,
    };
    socket.onmessage = (event) => {
      if (!intercept(String(event.data), socket)) facade.onmessage?.({data: event.data});
    };
    socket.onclose = (event) => facade.onclose?.(event);
    socket.onerror = (event) => facade.onerror?.(event);
    return facade;
  };
}
