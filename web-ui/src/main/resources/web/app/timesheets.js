// Timesheets: my weekly grid (7 days, hours and notes; save draft, submit), my pay calculations, and for managers
// the queue of submitted sheets; approving shows the calculation (regular, overtime, gross).
import { html, nothing } from 'lit';
import { api, query, session } from './api.js';
import { onLive } from './live.js';
import { LightElement } from './base.js';
import { ModalFocus } from './dialogs.js';
import { nameOf, resolveNames } from './names.js';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const problemBox = (p) => (p ? html`<div class="problem" role="alert">${p.message}</div>` : nothing);

/** The ISO week (e.g. 2026-W48) of a date, and the seven dates of an ISO week. */
export function isoWeekOf(date) {
  const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
export function datesOf(isoWeek) {
  const [year, week] = isoWeek.split('-W').map(Number);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - (jan4.getUTCDay() || 7) + 1 + (week - 1) * 7);
  return DAYS.map((_, i) => new Date(monday.getTime() + i * 86400000).toISOString().slice(0, 10));
}

// Who a sheet belongs to, as far as the timesheet says (the name when payroll gives one, else the account id).
const whose = (t) => t.employee_name || nameOf(t.employee_user_id) || t.employee_id;
const money = (v) => Number(v).toFixed(2);
const calculationText = (c) => `Regular ${c.regular_hours} h = ${money(c.regular_pay)}, overtime ${c.overtime_hours} h = ${money(c.overtime_pay)}, gross ${money(c.gross_pay)}`;

class TimesheetView extends LightElement {
  static properties = {
    week: { state: true }, sheet: { state: true }, grid: { state: true }, profile: { state: true }, pay: { state: true },
    queue: { state: true }, problem: { state: true }, outcome: { state: true }, busy: { state: true },
    sendingBack: { state: true },
  };

  constructor() {
    super();
    this.week = isoWeekOf(new Date());
    this.sheet = null; this.grid = this.emptyGrid(); this.profile = null; this.pay = []; this.queue = [];
    this.sendingBack = null;
    new ModalFocus(this, { isOpen: () => this.sendingBack, close: () => { this.sendingBack = null; } });
    this.problem = null; this.outcome = ''; this.busy = false;
  }

  get decides() { return session.hasRole('manager', 'admin'); }

  emptyGrid() { return datesOf(this.week).map((date) => ({ date, hours: '', notes: '' })); }

  connectedCallback() {
    super.connectedCallback();
    this.load();
    this.stopLive = onLive((type) => {
      if (type === 'resync' || (type && (type.startsWith('Timesheet') || type === 'PayrollCalculated'))) this.load();
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
      } catch (p) {
        if (p.status !== 404) throw p;
        this.profile = null;
      }
      if (this.profile) {
        const sheets = await api('GET', '/api/payroll/timesheets' + query({ employee_id: this.profile.id, week: this.week }));
        this.sheet = sheets[0] || null;
        this.grid = this.emptyGrid().map((row) => {
          const entry = this.sheet && this.sheet.entries.find((e) => e.date === row.date);
          return entry ? { date: row.date, hours: String(entry.hours), notes: entry.notes || '' } : row;
        });
        this.pay = await api('GET', '/api/payroll/calculations' + query({ employee_id: this.profile.id, limit: 20 }));
      }
      if (this.decides) {
        const submitted = await api('GET', '/api/payroll/timesheets' + query({ status: 'SUBMITTED', limit: 100 }));
        await resolveNames(submitted.map((t) => t.employee_user_id));
        this.queue = submitted.filter((t) => !this.profile || t.employee_id !== this.profile.id);
      }
    } catch (p) {
      this.problem = p;
    }
  }

  entries() {
    return this.grid.filter((r) => r.hours !== '' || r.notes).map((r) => ({ date: r.date, hours: Number(r.hours || 0), notes: r.notes || null }));
  }

  async saveDraft() {
    if (this.sheet) {
      this.sheet = await api('PUT', `/api/payroll/timesheets/${this.sheet.id}`, { entries: this.entries(), version: this.sheet.version });
    } else {
      this.sheet = await api('POST', '/api/payroll/timesheets', { week: this.week, entries: this.entries() });
    }
  }

  async act(what) {
    this.busy = true;
    try {
      await this.saveDraft();
      if (what === 'submit') {
        this.sheet = await api('POST', `/api/payroll/timesheets/${this.sheet.id}/submit`);
        this.outcome = `Week ${this.week} submitted for approval.`;
      } else {
        this.outcome = `Draft of week ${this.week} saved.`;
      }
      this.problem = null;
      await this.load();
    } catch (p) {
      this.problem = p;
    } finally {
      this.busy = false;
    }
  }

  /** Approve, or (with {@code reason}, from the send-back dialog) return the sheet to the employee. */
  async decide(sheet, action, body) {
    this.busy = true;
    this.sendingBack = null;
    try {
      const r = await api('POST', `/api/payroll/timesheets/${sheet.id}/${action}`, body);
      this.outcome = action === 'approve' && r.calculation
        ? `Approved week ${sheet.week}: ${calculationText(r.calculation)}.`
        : `Sent week ${sheet.week} back to the employee.`;
      this.problem = null;
    } catch (p) {
      this.problem = p;
      this.outcome = '';
    } finally {
      this.busy = false;
      this.load();
    }
  }

  setRow(i, field, value) {
    this.grid = this.grid.map((r, j) => (j === i ? { ...r, [field]: value } : r));
  }

  render() {
    const editable = !this.sheet || this.sheet.status === 'DRAFT';
    const total = this.grid.reduce((s, r) => s + Number(r.hours || 0), 0);
    return html`
      <h1>Timesheets</h1>
      ${this.outcome ? html`<p class="notice" role="status">${this.outcome}</p>` : nothing}
      ${problemBox(this.problem)}
      ${this.decides ? this.renderQueue() : nothing}
      ${this.profile ? html`
        <h2>My week</h2>
        <form class="filters" aria-label="Choose week" @submit=${(e) => { e.preventDefault(); this.week = e.target.week.value; this.load(); }}>
          <label>Week <input name="week" type="week" required .value=${this.week}></label>
          <button type="submit">Open week</button>
        </form>
        <p>Status: <strong>${this.sheet ? this.sheet.status.toLowerCase() : 'not started'}</strong>${this.sheet && this.sheet.rejection_reason ? ` (sent back: ${this.sheet.rejection_reason})` : ''}</p>
        <table aria-label="Week ${this.week}">
          <thead><tr><th scope="col">Day</th><th scope="col">Hours</th><th scope="col">Notes</th></tr></thead>
          <tbody>${this.grid.map((r, i) => html`<tr>
            <th scope="row">${DAYS[i]} ${r.date}</th>
            <td><input type="number" min="0" max="24" step="0.25" aria-label="Hours on ${DAYS[i]} ${r.date}" ?disabled=${!editable} .value=${r.hours} @input=${(e) => this.setRow(i, 'hours', e.target.value)}></td>
            <td><input aria-label="Notes on ${DAYS[i]} ${r.date}" ?disabled=${!editable} .value=${r.notes} @input=${(e) => this.setRow(i, 'notes', e.target.value)}></td></tr>`)}</tbody>
          <tfoot><tr><th scope="row">Total</th><td>${total} h</td><td></td></tr></tfoot>
        </table>
        ${editable ? html`<div class="actions">
          <button type="button" ?disabled=${this.busy} @click=${() => this.act('save')}>Save draft</button>
          <button type="button" ?disabled=${this.busy} @click=${() => this.act('submit')}>Submit for approval</button></div>` : nothing}
        <h2>My pay</h2>
        <table aria-label="My pay calculations">
          <thead><tr><th scope="col">Week</th><th scope="col">Regular h</th><th scope="col">Overtime h</th><th scope="col">Gross</th></tr></thead>
          <tbody>${this.pay.map((c) => html`<tr><td>${c.week}</td><td>${c.regular_hours}</td><td>${c.overtime_hours}</td><td>${money(c.gross_pay)}</td></tr>`)}</tbody>
        </table>` : html`<p>You have no payroll profile yet; an administrator creates it.</p>`}`;
  }

  renderQueue() {
    return html`
      <h2>Timesheets to approve</h2>
      ${this.queue.length === 0 ? html`<p>No submitted timesheets.</p>` : html`
        <table aria-label="Timesheets to approve">
          <thead><tr><th scope="col">Employee</th><th scope="col">Week</th><th scope="col">Hours</th><th scope="col">Actions</th></tr></thead>
          <tbody>${this.queue.map((t) => html`<tr>
            <td>${whose(t)}</td><td>${t.week}</td><td>${t.total_hours}</td>
            <td><button type="button" ?disabled=${this.busy} @click=${() => this.decide(t, 'approve')}>Approve</button>
                <button type="button" ?disabled=${this.busy} aria-label="Send back week ${t.week} of ${whose(t)}"
                        @click=${() => { this.sendingBack = t; }}>Send back</button></td></tr>`)}</tbody>
        </table>`}
      ${this.sendingBack ? this.renderSendBack() : nothing}`;
  }

  renderSendBack() {
    const t = this.sendingBack;
    return html`
      <div class="dialog-backdrop">
        <form role="dialog" aria-modal="true" aria-labelledby="send-back-title" class="dialog"
              @submit=${(e) => { e.preventDefault(); this.decide(t, 'reject', { reason: e.target.reason.value.trim() }); }}>
          <h2 id="send-back-title">Send week ${t.week} back to ${whose(t)}</h2>
          <p>${t.total_hours} h submitted. The employee sees your reason and can correct the week and submit it again.</p>
          <label>Reason <textarea name="reason" required maxlength="1000"></textarea></label>
          <div class="actions"><button type="submit">Send the week back</button>
            <button type="button" @click=${() => { this.sendingBack = null; }}>Keep it submitted</button></div>
        </form>
      </div>`;
  }
}
customElements.define('misty-timesheets', TimesheetView);
