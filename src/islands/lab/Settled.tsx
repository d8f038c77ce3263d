/**
 * Renders its children again only when one of `deps` changes (Object.is).
 * The lab redraws its charts up to ten times a second while it trains; the
 * controls around them wrap themselves in this so those frames skip them.
 */
import { Component, type ComponentChildren } from 'preact';

export interface SettledProps {
  deps: readonly unknown[];
  children: ComponentChildren;
}

export class Settled extends Component<SettledProps> {
  override shouldComponentUpdate(next: SettledProps): boolean {
    const a = this.props.deps;
    const b = next.deps;
    return a.length !== b.length || a.some((v, i) => !Object.is(v, b[i]));
  }

  override render() {
    return this.props.children;
  }
}
