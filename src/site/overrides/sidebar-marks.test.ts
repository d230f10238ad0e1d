import { expect, test } from 'vitest';
import { applySidebarMarks, MARK_CLASS, sidebarMarkOf, type SidebarEntryLike } from './sidebar-marks.ts';

test('marks pages needing attention and keeps author badges', () => {
  const sidebar: SidebarEntryLike[] = [
    { type: 'link', href: '/runbooks/a/' },
    { type: 'group', entries: [{ type: 'link', href: '/runbooks/b' }, { type: 'link', href: '/runbooks/c/', badge: { text: 'New', variant: 'tip' } }] },
    { type: 'link', href: '/runbooks/d/' },
  ];
  const marks = new Map([
    ['/runbooks/a/', sidebarMarkOf('fail')!],
    ['/runbooks/b/', sidebarMarkOf('stale')!],
    ['/runbooks/c/', sidebarMarkOf('missing')!],
  ]);
  applySidebarMarks(sidebar, marks);
  expect(sidebar).toEqual([
    { type: 'link', href: '/runbooks/a/', badge: { text: 'failing', variant: 'danger', class: MARK_CLASS } },
    { type: 'group', entries: [{ type: 'link', href: '/runbooks/b', badge: { text: 'stale', variant: 'caution', class: MARK_CLASS } }, { type: 'link', href: '/runbooks/c/', badge: { text: 'New', variant: 'tip' } }] },
    { type: 'link', href: '/runbooks/d/' },
  ]);
  expect([sidebarMarkOf('pass'), sidebarMarkOf('expected-fail'), sidebarMarkOf('limited')]).toEqual([undefined, undefined, undefined]);
  // Maintenance and a pass after a retry have marks of their own, in their own colour, never a failing one.
  expect([sidebarMarkOf('maintenance')?.text, sidebarMarkOf('flaky')?.text]).toEqual(['maintenance', 'flaky']);
  expect(sidebarMarkOf('flaky')?.class).toBe(`${MARK_CLASS} pb-mark-flaky`);
});
