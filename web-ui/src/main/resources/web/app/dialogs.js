// Modal dialogs (role=dialog, aria-modal) keep the keyboard inside while open, close on Escape, and give the focus
// back to the control that opened them, as the WAI-ARIA dialog pattern asks: a keyboard user is never left
// tabbing through the page behind the backdrop, nor thrown back to the top of the page when the dialog closes.

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), '
  + 'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A Lit reactive controller for one dialog of a view. {@code isOpen} says whether the view renders it now;
 * {@code close} is what Escape does. The dialog is the view's element matching {@code selector}.
 */
export class ModalFocus {
  constructor(host, { isOpen, close, selector = '[role=dialog]' }) {
    this.host = host;
    this.isOpen = isOpen;
    this.close = close;
    this.selector = selector;
    this.opener = null;
    this.wasOpen = false;
    this.onKeydown = (e) => this.keydown(e);
    host.addController(this);
  }

  hostUpdated() {
    const open = Boolean(this.isOpen());
    if (open && !this.wasOpen) {
      this.opener = document.activeElement;
      const dialog = this.host.querySelector(this.selector);
      dialog.addEventListener('keydown', this.onKeydown);
      const first = dialog.querySelector('textarea, input, select') || dialog.querySelector(FOCUSABLE);
      if (first) first.focus();
    } else if (!open && this.wasOpen) {
      // The opener may have been re-rendered meanwhile (a list reloaded); then there is nothing to go back to.
      if (this.opener && this.opener.isConnected) this.opener.focus();
      this.opener = null;
    }
    this.wasOpen = open;
  }

  keydown(e) {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close();
      return;
    }
    if (e.key !== 'Tab') return;
    const focusable = [...e.currentTarget.querySelectorAll(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }
}
