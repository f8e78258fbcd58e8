// Leave: my balances and requests (request, cancel), and for managers the queue of pending requests to approve
// or reject. Approval is decided once by the server; the manager who loses a race is told who decided.
import { html, nothing } from 'lit';
import { api, query, session } from './api.js';
import { onLive } from './live.js';
import { LightElement } from './base.js';
import { ModalFocus } from './dialogs.js';
import { nameOf, resolveNames } from './names.js';

const TYPES = ['ANNUAL', 'SICK', 'PERSONAL', 'UNPAID'];
const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');
const problemBox = (p) => (p ? html`<div class="problem" role="alert">${p.message}</div>` : nothing);

class LeaveView extends LightElement {
  static properties = {
    profile: { state: true }, mine: { state: true }, queue: { state: true }, problem: { state: true },
    noProfile: { state: true }, outcome: { state: true }, rejecting: { state: true }, busy: { state: true },
  };

  constructor() {
    super();
    this.profile = null; this.mine = []; this.queue = []; this.problem = null; this.noProfile = false;
    this.outcome = ''; this.rejecting = null; this.busy = false;
    new ModalFocus(this, { isOpen: () => this.rejecting, close: () => { this.rejecting = null; } });
  }

  get decides() { return session.hasRole('manager', 'admin'); }

  connectedCallback() {
    super.connectedCallback();
    this.load();
    this.stopLive = onLive((type) => {
      if (type === 'resync' || (type && type.startsWith('Leave'))) this.load();
    });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stopLive();
  }

  async load() {
    // An action's outcome or refusal stays on screen; only a failing load replaces it.
    try {
      try {
        this.profile = await api('GET', '/api/payroll/employees/me');
        this.noProfile = false;
      } catch (p) {
        if (p.status !== 404) throw p;
        this.profile = null; this.noProfile = true;
      }
      this.mine = this.profile ? await api('GET', '/api/payroll/leave-requests' + query({ employee_id: this.profile.id, limit: 50 })) : [];
      if (this.decides) {
        const pending = await api('GET', '/api/payroll/leave-requests' + query({ status: 'PENDING', limit: 100 }));
        this.queue = pending.filter((r) => !this.profile || r.employee_id !== this.profile.id);
      }
      await resolveNames([...this.mine, ...(this.queue || [])].flatMap((r) => [r.decided_by, r.requested_by]));
      this.requestUpdate(); // the names just learnt
    } catch (p) {
      this.problem = p;
    }
  }

  async request(e) {
    e.preventDefault();
    const f = e.target;
    this.busy = true;
    try {
      await api('POST', '/api/payroll/leave-requests', {
        leave_type: f.type.value, start_date: f.from.value, end_date: f.to.value, hours: Number(f.hours.value), reason: f.reason.value,
      });
      f.reset();
      this.outcome = 'Leave requested.';
      this.problem = null; // a failed attempt's message (offline, say) is over
      await this.load();
    } catch (p) {
      this.problem = p;
    } finally {
      this.busy = false;
    }
  }

  /** approve, reject or cancel; a lost race (ALREADY_DECIDED) shows who decided instead of a bare error. */
  async decide(request, action, body) {
    this.busy = true;
    try {
      const r = await api('POST', `/api/payroll/leave-requests/${request.id}/${action}`, body);
      this.outcome = { approve: 'Approved', reject: 'Rejected', cancel: 'Cancelled' }[action] + ` the ${request.hours} h of ${request.leave_type.toLowerCase()} leave from ${request.start_date}.`;
      this.problem = null;
      return r;
    } catch (p) {
      if (p.code === 'ALREADY_DECIDED') {
        let now = null;
        try { now = await api('GET', `/api/payroll/leave-requests/${request.id}`); } catch { /* shown without who */ }
        if (now) await resolveNames([now.decided_by || now.cancelled_by]);
        this.outcome = '';
        this.problem = { message: `Already decided: ${p.message}.` + (now ? ` It is ${now.status.toLowerCase()} by ${nameOf(now.decided_by || now.cancelled_by) || 'someone'} at ${when(now.decided_at || now.cancelled_at)}.` : '') };
      } else {
        this.problem = p;
      }
      return null;
    } finally {
      this.busy = false;
      this.rejecting = null;
      this.load();
    }
  }

  render() {
    return html`
      <h1>Leave</h1>
      ${this.outcome ? html`<p class="notice" role="status">${this.outcome}</p>` : nothing}
      ${problemBox(this.problem)}
      ${this.decides ? this.renderQueue() : nothing}
      ${this.noProfile ? html`<p>You have no payroll profile yet; an administrator creates it.</p>` : this.renderMine()}
      ${this.rejecting ? this.renderReject() : nothing}`;
  }

  renderMine() {
    const p = this.profile;
    if (!p) return nothing;
    const b = p.leave_balances || {};
    return html`
      <h2>My balances</h2>
      <table aria-label="My leave balances"><thead><tr><th scope="col">Annual</th><th scope="col">Sick</th><th scope="col">Personal</th></tr></thead>
        <tbody><tr><td data-balance="annual">${b.annual} h</td><td>${b.sick} h</td><td>${b.personal} h</td></tr></tbody></table>
      <h2>Request leave</h2>
      <form class="record" aria-label="Request leave" @submit=${this.request}>
        <label>Type <select name="type">${TYPES.map((t) => html`<option value=${t}>${t.toLowerCase()}</option>`)}</select></label>
        <label>From <input name="from" type="date" required></label>
        <label>To <input name="to" type="date" required></label>
        <label>Hours <input name="hours" type="number" min="0.5" step="0.5" required></label>
        <label>Reason <input name="reason"></label>
        <button type="submit" ?disabled=${this.busy}>Request leave</button>
      </form>
      <h2>My requests</h2>
      ${this.table('My leave requests', this.mine, (r) => (r.status === 'PENDING'
        ? html`<button type="button" aria-label="Cancel leave from ${r.start_date}" @click=${() => this.decide(r, 'cancel')}>Cancel</button>` : nothing))}`;
  }

  renderQueue() {
    return html`
      <h2>Requests to decide</h2>
      ${this.queue.length === 0 ? html`<p>No pending requests.</p>` : this.table('Leave requests to decide', this.queue, (r) => html`
        <button type="button" ?disabled=${this.busy} @click=${() => this.decide(r, 'approve')}>Approve</button>
        <button type="button" ?disabled=${this.busy} @click=${() => { this.rejecting = r; }}>Reject</button>`, true)}`;
  }

  table(label, rows, actions, withEmployee = false) {
    return html`
      <table aria-label=${label}>
        <thead><tr>${withEmployee ? html`<th scope="col">Employee</th>` : nothing}<th scope="col">Type</th><th scope="col">Dates</th><th scope="col">Hours</th><th scope="col">Reason</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
        <tbody>${rows.map((r) => html`<tr>
          ${withEmployee ? html`<td>${r.employee_name || nameOf(r.requested_by) || r.employee_id}</td>` : nothing}
          <td>${r.leave_type.toLowerCase()}</td><td>${r.start_date} – ${r.end_date}</td><td>${r.hours}</td><td>${r.reason || ''}</td>
          <td>${r.status.toLowerCase()}${r.decided_by ? ` by ${nameOf(r.decided_by)}` : ''}${r.decision_reason ? `: ${r.decision_reason}` : ''}</td>
          <td>${actions(r)}</td></tr>`)}</tbody>
      </table>`;
  }

  renderReject() {
    const r = this.rejecting;
    return html`
      <div class="dialog-backdrop">
        <form role="dialog" aria-modal="true" aria-labelledby="reject-title" class="dialog"
              @submit=${(e) => { e.preventDefault(); this.decide(r, 'reject', { reason: e.target.reason.value }); }}>
          <h2 id="reject-title">Reject ${r.hours} h of ${r.leave_type.toLowerCase()} leave from ${r.start_date}</h2>
          <label>Reason <textarea name="reason" required></textarea></label>
          <div class="actions"><button type="submit">Reject the request</button>
            <button type="button" @click=${() => { this.rejecting = null; }}>Keep it pending</button></div>
        </form>
      </div>`;
  }
}
customElements.define('misty-leave', LeaveView);
