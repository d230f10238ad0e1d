import { DOMParser } from '@xmldom/xmldom';
import { expect, test } from 'vitest';
import { NOW } from '../../tests/support/evidence-fixtures.ts';
import { check } from '../../tests/status/fixtures.ts';
import { MaintenanceWindowSchema } from '../schemas/maintenance.ts';
import { renderAtomFeed } from './feed.ts';
import { summariseStatus } from './summarise.ts';

const ATOM = 'http://www.w3.org/2005/Atom';

test('incidents and maintenance as Atom that a real XML parser reads, with stable ids and escaped text', () => {
  const model = summariseStatus({
    now: NOW,
    checks: [check('mcp.tools-list')],
    records: [],
    incidents: [{ id: 'dns', title: 'DNS <down> & out', body: '', affects: [{ check: 'mcp.*' }], timeline: [{ at: '2026-11-24T10:00:00Z', status: 'investigating', note: 'looking' }, { at: '2026-11-24T11:00:00Z', status: 'identified', note: 'found "it"' }] }],
    maintenance: [MaintenanceWindowSchema.parse({ id: 'restart', title: 'Restart', affects: ['*'], cron: '0 5 * * SUN', timezone: 'Europe/Berlin', duration: '15m' })],
  });
  const text = renderAtomFeed(model, { siteUrl: 'https://docs.example.org/', bodies: new Map([['dns', '<p>Write-up</p>']]) });
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(text, 'application/xml');
  expect(errors).toEqual([]);
  const feed = doc.documentElement!;
  expect([feed.localName, feed.namespaceURI]).toEqual(['feed', ATOM]);
  // The feed is as new as its newest past entry, not the build: an unchanged site serves an unchanged feed.
  expect(feed.getElementsByTagNameNS(ATOM, 'updated')[0]!.textContent).toBe('2026-11-24T11:00:00.000Z');
  const entries = [...feed.getElementsByTagNameNS(ATOM, 'entry')].map((entry) => ({
    id: entry.getElementsByTagNameNS(ATOM, 'id')[0]!.textContent,
    title: entry.getElementsByTagNameNS(ATOM, 'title')[0]!.textContent,
    href: entry.getElementsByTagNameNS(ATOM, 'link')[0]!.getAttribute('href'),
    content: entry.getElementsByTagNameNS(ATOM, 'content')[0]!.textContent,
  }));
  expect(entries.map((entry) => [entry.title, entry.href])).toEqual([
    ['Maintenance (scheduled): Restart, 2026-11-29 04:00 UTC to 2026-11-29 04:15 UTC', 'https://docs.example.org/status/#maintenance'],
    ['DNS <down> & out (identified)', 'https://docs.example.org/status/#incident-dns'],
  ]);
  expect(entries[1]!.content).toContain('found &#34;it&#34;');
  expect(entries[1]!.content).toContain('<p>Write-up</p>');
  for (const entry of entries) expect(entry.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(renderAtomFeed(model)).toBe(renderAtomFeed(model));
});
