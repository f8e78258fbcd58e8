// Live updates from /api/events/stream. EventSource cannot send an Authorization header, so this reads the
// stream with fetch (the same Bearer token as every API call, no token in a URL or cookie) and parses the SSE
// frames itself; after a drop, the token's expiry (the gateway ends the stream then) or a refresh it reconnects
// with Last-Event-ID, so nothing is missed. Duplicates (possible after a resume on another replica) are dropped
// by the envelope's event_id.

import { session } from './api.js';

const SEEN_LIMIT = 1000;

class LiveFeed extends EventTarget {
  constructor() {
    super();
    this.state = 'off';
    this.lastId = null;
    this.running = false;
    this.controller = null;
    this.seen = new Set();
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.loop();
  }

  stop() {
    this.running = false;
    this.lastId = null;
    this.seen.clear();
    if (this.controller) this.controller.abort();
    this.setState('off');
  }

  setState(state) {
    if (state !== this.state) {
      this.state = state;
      this.dispatchEvent(new Event('state'));
    }
  }

  async loop() {
    let failures = 0;
    while (this.running) {
      try {
        const token = await session.validToken();
        this.controller = new AbortController();
        const headers = { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' };
        if (this.lastId) headers['Last-Event-ID'] = this.lastId;
        const response = await fetch('/api/events/stream', { headers, signal: this.controller.signal, cache: 'no-store' });
        if (response.status === 401) {
          await session.refresh(); // a refused refresh ends the session, and the app stops this feed
          continue;
        }
        if (!response.ok) throw new Error('HTTP ' + response.status);
        failures = 0;
        this.setState('live');
        await this.read(response.body.getReader());
        // Ended by the gateway (usually the token's expiry): reconnect at once with Last-Event-ID.
      } catch (e) {
        if (!this.running) break;
        failures++;
        if (failures > 1) this.setState('down');
        await new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** (failures - 1), 15000)));
      }
    }
  }

  async read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
        this.frame(frame);
      }
    }
  }

  frame(text) {
    let id = null;
    let type = 'message';
    const data = [];
    for (const line of text.split(/\r?\n/)) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
    }
    if (id !== null) this.lastId = id;
    if (type === 'resync') {
      this.dispatchEvent(new Event('resync'));
      return;
    }
    if (data.length === 0) return;
    let envelope;
    try { envelope = JSON.parse(data.join('\n')); } catch { return; }
    if (envelope.event_id) {
      if (this.seen.has(envelope.event_id)) return;
      this.seen.add(envelope.event_id);
      if (this.seen.size > SEEN_LIMIT) this.seen.delete(this.seen.values().next().value);
    }
    this.dispatchEvent(new CustomEvent('event', { detail: { type: envelope.type || type, envelope } }));
  }
}

export const live = new LiveFeed();

/** Calls {@code handler(type, envelope)} for every live event until the returned function is called. */
export function onLive(handler) {
  const listener = (e) => handler(e.detail.type, e.detail.envelope);
  const resync = () => handler('resync', null);
  live.addEventListener('event', listener);
  live.addEventListener('resync', resync);
  return () => {
    live.removeEventListener('event', listener);
    live.removeEventListener('resync', resync);
  };
}
