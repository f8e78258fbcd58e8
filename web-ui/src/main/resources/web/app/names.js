// Who did it, in words: the services record the acting user's (or service account's) id, the token's subject;
// auth-service's /api/auth/names turns ids into names. One request per screenful of new ids (no request per row),
// and every answer is kept for the page's lifetime: an id always names the same account.
import { api } from './api.js';

const MAX_PER_REQUEST = 100; // auth-service's limit
const known = new Map(); // id -> display name, or the id itself when auth-service knows no such account
const asking = new Map(); // id -> the request in flight that will name it

/** The name for {@code id} if it is known already, else the id itself (until {@link resolveNames} has run). */
export function nameOf(id) {
  return id ? known.get(id) || id : '';
}

/** Learns the names of the ids not known yet, in as few requests as the limit allows; never throws. */
export async function resolveNames(ids) {
  const wanted = [...new Set(ids.filter((id) => id && !known.has(id)))];
  const waits = wanted.filter((id) => asking.has(id)).map((id) => asking.get(id));
  const ask = wanted.filter((id) => !asking.has(id));
  for (let i = 0; i < ask.length; i += MAX_PER_REQUEST) {
    const batch = ask.slice(i, i + MAX_PER_REQUEST);
    const request = api('GET', '/api/auth/names?' + batch.map((id) => 'id=' + encodeURIComponent(id)).join('&'))
      .then((actors) => {
        for (const a of actors) known.set(a.id, a.display_name);
        for (const id of batch) if (!known.has(id)) known.set(id, id);
      })
      .catch(() => { /* shown as ids; asked again the next time */ })
      .finally(() => batch.forEach((id) => asking.delete(id)));
    batch.forEach((id) => asking.set(id, request));
    waits.push(request);
  }
  await Promise.all(waits);
}
