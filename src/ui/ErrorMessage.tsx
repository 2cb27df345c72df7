import type { ReactNode } from 'react';

/** The page contract's error element: a sentence a person understands, and what to do. */
export function ErrorMessage({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div
      role="alert"
      className="flex flex-wrap items-start gap-3 rounded-xl bg-rose-50 p-3 text-sm text-rose-900 ring-1 ring-rose-200 dark:bg-rose-950/60 dark:text-rose-100 dark:ring-rose-900"
    >
      <span aria-hidden="true" className="mt-0.5 font-bold">
        !
      </span>
      <p data-testid="error-message" className="min-w-0 flex-1">
        {children}
      </p>
      {action}
    </div>
  );
}
