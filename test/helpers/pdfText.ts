/**
 * A PDF's text page by page (poppler's pdftotext), and what a report's pages show: the
 * entries of its table of contents, the page each heading lands on, and how many lines of
 * text each page holds.
 */
import { spawnSync } from 'node:child_process';

/** The number of pages (pdfinfo). */
export function pageCount(pdf: string): number {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** The text of each page, `pdftotext -f N -l N` (reading order, no layout). */
export function pageTexts(pdf: string): string[] {
  const pages: string[] = [];
  for (let n = 1; n <= pageCount(pdf); n++) {
    const r = spawnSync('pdftotext', ['-enc', 'UTF-8', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pdftotext ${pdf} sida ${n}: ${r.stderr}`);
    pages.push(r.stdout.replace(/\f/g, ''));
  }
  return pages;
}

/**
 * The lines of each page without the running header (the first line of every page but the
 * first, when it is the same on the pages) and the footer's page number ("Sid 3 (60)", "Sida 3 av 60").
 */
export function bodyLines(pages: string[]): string[][] {
  const lines = pages.map((p) =>
    p
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== ''),
  );
  // the page number may share the header's line ("Tertialrapport 2 för 2019 … Sid 3 (60)")
  const pageNumber = /\s*Sida? \d+( av \d+| \(\d+\))\s*$/;
  const heads = lines.slice(1).map((l) => (l[0] ?? '').replace(pageNumber, ''));
  const header = heads.length > 1 && heads.every((h) => h === heads[0]) ? heads[0] : undefined;
  return lines.map((ls, i) =>
    ls.filter((l, k) => !(i > 0 && k === 0 && l.replace(pageNumber, '') === header)).filter((l) => !/^Sida? \d+( av \d+| \(\d+\))?$/.test(l)),
  );
}

export interface ContentsEntry {
  title: string;
  page: number;
}

/** An entry line: its text, the dot leader (none when the text leaves no room for it) and the page number. */
const ENTRY = /^(.*?)(?:\s*(?:\.\s?){3,}\s*|\s+)(\d+)$/;

/**
 * The entries of the table of contents: from the line "Innehållsförteckning" to "Bilagor" or the
 * page where the body starts (with the first entry's heading), an entry's wrapped lines joined.
 * Also the last page they are on.
 */
export function contentsEntries(lines: string[][]): { entries: ContentsEntry[]; lastPage: number } {
  const start = lines.findIndex((ls) => ls.includes('Innehållsförteckning'));
  if (start < 0) return { entries: [], lastPage: 0 };
  const entries: ContentsEntry[] = [];
  let lastPage = start + 1;
  for (let i = start; i < lines.length; i++) {
    const ls = i === start ? lines[i]!.slice(lines[i]!.indexOf('Innehållsförteckning') + 1) : lines[i]!;
    // the contents go on to the next page unless the body starts there, with the first entry's heading
    if (i > start && (!ls.some((l) => ENTRY.test(l)) || (entries[0] && ls.join(' ').replace(/\s+/g, ' ').startsWith(entries[0].title)))) break;
    lastPage = i + 1;
    let wrapped: string[] = [];
    let ended = false;
    for (const line of ls) {
      if (line === 'Bilagor') {
        ended = true;
        break;
      }
      const m = ENTRY.exec(line);
      if (m) {
        entries.push({ title: [...wrapped, m[1]!].join(' ').replace(/\s+/g, ' ').trim(), page: Number(m[2]) });
        wrapped = [];
      } else wrapped.push(line);
    }
    if (ended) break;
  }
  return { entries, lastPage };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The page each title stands on as a heading (lines of its own, wrapped anywhere), looked for in
 * order from `fromPage`: each after the one before, so headings of the same text are told apart.
 * 0 for a title not found.
 */
export function headingPages(lines: string[][], titles: string[], fromPage: number): number[] {
  let page = fromPage - 1;
  let offset = 0;
  return titles.map((title) => {
    const words = title.replace(/\.$/, '').split(/\s+/).filter(Boolean).map(escape);
    // a title's last full stop is read as part of the dot leader in the contents
    // the heading may carry a goal's label the contents leave out (2019/2020: "KF:s inriktningsmål: 1. …" listed as "1. …")
    const re = new RegExp(`(^|\\n)(?:KF:s [^:]{0,40}:\\s+|Nämndmål:\\s+|Enhetsmål:\\s+)?${words.join('\\s+')}\\.?(?=\\n|$)`, 'g');
    for (let i = page; i < lines.length; i++) {
      const text = lines[i]!.join('\n');
      re.lastIndex = i === page ? offset : 0;
      const m = re.exec(text);
      if (m) {
        page = i;
        offset = m.index + m[0].length;
        return i + 1;
      }
    }
    return 0;
  });
}
