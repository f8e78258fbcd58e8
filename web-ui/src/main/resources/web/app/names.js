// Who did it, in words: the services record the acting user's (or service account's) id, the token's subject;
// auth-service's /api/auth/names turns ids into names, up to 100 per request (lookup.js: one request per screenful
// of new ids, every answer kept for the page's lifetime: an id always names the same account).
import { api } from './api.js';
import { Lookup } from './lookup.js';

const accounts = new Lookup((ids) => api('GET', '/api/auth/names?' + ids.map((id) => 'id=' + encodeURIComponent(id)).join('&'))
  .then((actors) => actors.map((a) => [a.id, a.display_name])), 100);

/** The name for {@code id} if it is known already, else the id itself (until {@link resolveNames} has run). */
export function nameOf(id) {
  return id ? accounts.get(id) || id : '';
}

/** Learns the names of the ids not known yet; never throws. */
export function resolveNames(ids) {
  return accounts.resolve(ids);
}
