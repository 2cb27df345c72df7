import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Shown in the message, e.g. "the drawing pad". */
  area: string;
  children: ReactNode;
}

/** Keeps one broken region from blanking the page; the rest of the app goes on working. */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`Digit Lens: ${this.props.area} failed`, error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div
        role="alert"
        className="rounded-xl bg-rose-50 p-4 text-sm text-rose-900 dark:bg-rose-950/60 dark:text-rose-100"
      >
        <p data-testid="error-message">
          Something went wrong in {this.props.area}. Your other work is safe.
        </p>
        <button
          type="button"
          className="mt-2 rounded-lg bg-rose-600 px-3 py-1.5 text-white"
          onClick={() => this.setState({ failed: false })}
        >
          Try again
        </button>
      </div>
    );
  }
}
