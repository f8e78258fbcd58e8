// One small cache for things the services name by id (accounts, products, clients): a screenful of new ids is
// asked for together (a request per batch, or per id where the service has no batch read), every answer is kept
// for the page's life, an id the service does not know is remembered as unknown, and a failed request is simply
// asked again the next time.

export class Lookup {
  /**
   * @param fetchMany ids → Promise of [id, value] pairs for the ids the service knows (the others are unknown)
   * @param maxPerRequest how many ids one call of fetchMany may be given
   */
  constructor(fetchMany, maxPerRequest) {
    this.fetchMany = fetchMany;
    this.maxPerRequest = maxPerRequest;
    this.known = new Map(); // id -> value, or null when the service knows no such id
    this.asking = new Map(); // id -> the request in flight that will answer it
  }

  /** The value for {@code id}: undefined while not asked yet, null when the service knows no such id. */
  get(id) {
    return this.known.get(id);
  }

  /** Keeps a value read elsewhere (a whole catalogue page), so it is not asked for again. */
  remember(id, value) {
    this.known.set(id, value);
  }

  /** Learns the ids not known yet, in as few requests as the limit allows; never throws. */
  async resolve(ids) {
    const wanted = [...new Set(ids.filter((id) => id && !this.known.has(id)))];
    const waits = wanted.filter((id) => this.asking.has(id)).map((id) => this.asking.get(id));
    const ask = wanted.filter((id) => !this.asking.has(id));
    for (let i = 0; i < ask.length; i += this.maxPerRequest) {
      const batch = ask.slice(i, i + this.maxPerRequest);
      const request = this.fetchMany(batch)
        .then((pairs) => {
          for (const [id, value] of pairs) this.known.set(id, value);
          for (const id of batch) if (!this.known.has(id)) this.known.set(id, null);
        })
        .catch(() => { /* shown as ids; asked again the next time */ })
        .finally(() => batch.forEach((id) => this.asking.delete(id)));
      batch.forEach((id) => this.asking.set(id, request));
      waits.push(request);
    }
    await Promise.all(waits);
  }
}

/**
 * For services with a read of one id only: asks for each id of the batch at once; a 404 (or a 400: not even a
 * possible id) means unknown, any other failure fails the batch (so it is asked again).
 */
export function eachById(read) {
  return (ids) => Promise.all(ids.map((id) => read(id)
    .then((value) => [id, value])
    .catch((p) => { if (p.status === 404 || p.status === 400) return [id, null]; throw p; })));
}
