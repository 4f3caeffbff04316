import { Component, type ReactNode } from 'react';

/**
 * Keeps one panel's failure inside the panel: without WebGL, for example, the 3D view says so
 * and the rest of the page goes on working (never a blank page).
 */
export class PanelErrorBoundary extends Component<
  {
    name: string;
    what: string;
    /** Known before rendering: the children are not rendered, and this is the reason shown. */
    unavailable?: string | null;
    children: ReactNode;
  },
  { error: string | null }
> {
  override state = { error: null as string | null };

  static getDerivedStateFromError(e: unknown) {
    return { error: (e as Error)?.message ?? String(e) };
  }

  override render() {
    const reason = this.props.unavailable ?? this.state.error;
    if (reason === null) return this.props.children;
    return (
      <div className="ls-placeholder" role="img" aria-label={this.props.name}>
        <p>
          {this.props.what} is not available in this browser: {reason}
        </p>
      </div>
    );
  }
}
