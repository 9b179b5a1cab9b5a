"use client";

import { usePathname } from "next/navigation";

/** The main navigation's links, the current page marked for screen readers and by style. */
export function NavLinks({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return links.map(({ href, label }) => {
    const current = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
    return (
      <a key={href} href={href} aria-current={current ? "page" : undefined}>
        {label}
      </a>
    );
  });
}
