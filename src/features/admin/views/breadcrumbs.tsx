// The trail back to a page's parents. Each back-office feature names the trail in its own words and
// styles it with its own class, so both are given; the markup is the same everywhere.
import type { Child } from 'hono/jsx';

export type Crumb = { href: string; label: Child };

export function Breadcrumbs({ label, class: className, items }: { label: string; class: string; items: Crumb[] }) {
  return (
    <nav aria-label={label} class={className}>
      <ol>
        {items.map((item) => (
          <li>
            <a href={item.href}>{item.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
