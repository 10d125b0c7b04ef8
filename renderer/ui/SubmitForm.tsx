import type { ReactNode } from 'react';

/**
 * A dialog's form: Enter submits it, the browser's own validation bubbles stay
 * away (the form shows the contract's words under each field instead), and a
 * refused save never reloads the page.
 */
export function SubmitForm({ onSubmit, children }: { onSubmit: () => Promise<void> | void; children: ReactNode }) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
      noValidate
    >
      {children}
    </form>
  );
}
