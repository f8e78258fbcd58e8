// The shell: sign-in, navigation by role, the offline / live-connection indicators, and the hash router.
import { html, nothing } from 'lit';
import { LightElement } from './base.js';
import { session, network, retryText } from './api.js';
import { live } from './live.js';
import './orders.js';
import './clients.js';
import './leave.js';
import './timesheets.js';
import './stock.js';
import './users.js';
import './products.js';

/** Areas of the back office and who may open them (the gateway's role policy, seen from the UI). */
export const AREAS = [
  { path: 'orders', label: 'Orders', roles: ['admin', 'manager', 'production'] },
  { path: 'clients', label: 'Clients', roles: ['admin', 'manager', 'production'] },
  { path: 'stock', label: 'Stock', roles: ['admin', 'manager', 'production'] },
  { path: 'leave', label: 'Leave', roles: ['admin', 'manager', 'production', 'employee'] },
  { path: 'timesheets', label: 'Timesheets', roles: ['admin', 'manager', 'production', 'employee'] },
  { path: 'users', label: 'Users', roles: ['admin'] },
  { path: 'products', label: 'Products', roles: ['admin', 'manager'] },
];

export function areaOf(route) {
  return AREAS.find((a) => route === a.path || route.startsWith(a.path + '/'));
}

class MistyApp extends LightElement {
  static properties = {
    route: { state: true },
    signedIn: { state: true },
    restoring: { state: true },
    liveState: { state: true },
    online: { state: true },
    signInError: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.route = this.currentRoute();
    this.signedIn = false;
    this.restoring = true;
    this.liveState = live.state;
    this.online = network.online;
    this.signInError = '';
    this.busy = false;
    this.mountedUser = null;
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', () => { this.route = this.currentRoute(); });
    session.addEventListener('change', () => this.sessionChanged());
    live.addEventListener('state', () => { this.liveState = live.state; });
    network.addEventListener('change', () => { this.online = network.online; });
    session.restore().finally(() => { this.restoring = false; this.sessionChanged(); });
  }

  currentRoute() {
    return decodeURIComponent(location.hash.replace(/^#\/?/, '')) || '';
  }

  sessionChanged() {
    this.signedIn = session.signedIn;
    if (session.signedIn) {
      this.lastUser = session.user;
      if (this.mountedUser !== session.user.id) {
        this.mountedUser = session.user.id;
        if (!this.route || !areaOf(this.route)) this.go(this.home());
      }
      live.start();
    } else {
      live.stop();
    }
  }

  home() {
    const first = AREAS.find((a) => session.hasRole(...a.roles));
    return first ? first.path : 'welcome';
  }

  go(route) {
    location.hash = '#/' + route;
    this.route = route;
  }

  async signIn(e) {
    e.preventDefault();
    const form = e.target;
    this.busy = true;
    this.signInError = '';
    try {
      await session.signIn(form.username.value.trim(), form.password.value);
      form.password.value = '';
    } catch (problem) {
      this.signInError = problem.status === 429
        ? `Too many sign-in attempts. ${retryText(problem.retryAfter)}`
        : problem.message;
    } finally {
      this.busy = false;
    }
  }

  render() {
    if (this.restoring) return html`<p class="loading" role="status">Loading…</p>`;
    // Once someone worked here, the page stays mounted under the sign-in dialog: a refused refresh does not
    // lose what was typed, and signing in again as the same user carries on.
    const keepPage = this.mountedUser !== null;
    return html`
      ${this.online ? nothing : html`<div class="banner offline" role="alert">You are offline. Unsaved input is kept; save again when the connection is back.</div>`}
      ${keepPage ? this.renderShell() : nothing}
      ${this.signedIn ? nothing : this.renderSignIn(keepPage)}`;
  }

  renderShell() {
    const user = session.user;
    const liveText = { live: 'Live updates on', down: 'Live updates interrupted, reconnecting…', off: 'Live updates off' }[this.liveState];
    return html`
      <div class="shell" ?inert=${!this.signedIn}>
        <header class="top">
          <span class="brand">Misty</span>
          <nav aria-label="Main">
            ${AREAS.filter((a) => session.hasRole(...a.roles)).map((a) => html`
              <a href="#/${a.path}" aria-current=${areaOf(this.route) === a ? 'page' : 'false'}>${a.label}</a>`)}
          </nav>
          <span class="live live-${this.liveState}" role="status" aria-label=${liveText} title=${liveText}>${this.liveState === 'live' ? 'Live' : 'Not live'}</span>
          ${user ? html`
            <span class="who">${user.full_name || user.username} (${user.role})</span>
            <button type="button" @click=${() => session.signOut()}>Sign out</button>
            <button type="button" @click=${() => session.signOutEverywhere()}>Sign out everywhere</button>` : nothing}
        </header>
        <main>${this.renderRoute()}</main>
      </div>`;
  }

  renderRoute() {
    // While signed out under the dialog, the page of the last user stays as it was.
    const user = session.user || this.lastUser;
    const area = areaOf(this.route);
    if (!area) {
      return html`<h1>Welcome</h1><p>Nothing here yet for the role ${user.role}.</p>`;
    }
    if (!area.roles.includes(user.role)) {
      return html`<div class="problem" role="alert"><strong>Not allowed.</strong> Your role (${user.role}) cannot open ${area.label}.</div>`;
    }
    const rest = this.route.slice(area.path.length + 1);
    switch (area.path) {
      case 'orders':
        if (rest === 'new') return html`<misty-order-new></misty-order-new>`;
        if (rest) return html`<misty-order-detail .orderId=${rest}></misty-order-detail>`;
        return html`<misty-orders></misty-orders>`;
      case 'clients':
        return html`<misty-clients></misty-clients>`;
      case 'stock':
        return rest ? html`<misty-stock-ledger .recordId=${rest}></misty-stock-ledger>` : html`<misty-stock></misty-stock>`;
      case 'leave':
        return html`<misty-leave></misty-leave>`;
      case 'users':
        return html`<misty-users></misty-users>`;
      case 'timesheets':
        return html`<misty-timesheets></misty-timesheets>`;
      case 'products':
        return html`<misty-products></misty-products>`;
      default:
        return nothing;
    }
  }

  renderSignIn(overlay) {
    return html`
      <div class=${overlay ? 'signin-overlay' : 'signin-page'}>
        <form class="signin" @submit=${this.signIn} aria-labelledby="signin-title">
          <h1 id="signin-title">Sign in to Misty</h1>
          ${session.endReason ? html`<p class="notice" role="status">${session.endReason}</p>` : nothing}
          <label>Username <input name="username" autocomplete="username" required .value=${session.lastUsername()}></label>
          <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
          ${this.signInError ? html`<p class="problem" role="alert">${this.signInError}</p>` : nothing}
          <button type="submit" ?disabled=${this.busy}>Sign in</button>
        </form>
      </div>`;
  }
}
customElements.define('misty-app', MistyApp);
