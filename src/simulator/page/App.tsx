/**
 * The simulator's page: the production task pane (an iframe on /pane/taskpane.html, whose
 * office.js is the stand-in) beside a spreadsheet view of the workbook it works on.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { parseRange } from '../../core/cells/address';
import { FakeWorkbook } from '../excel/fakeExcel';
import { Grid, type Point } from './Grid';
import { pointAddress, readXlsx, writeXlsx } from './xlsx';

export interface Demo {
  slug: string;
  title: string;
}

const WIDTHS = [320, 350, 450] as const;
const EMPTY = 'tom';

function emptyBook(): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addSheet('Blad1');
  return book;
}

function typedValue(text: string | null): string | number | null {
  if (text === null) return null;
  const t = text.trim();
  if (/^-?\d+(?:[.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  return text;
}

function param(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

export function App() {
  const [book, setBook] = useState<FakeWorkbook>(() => emptyBook());
  const [fileName, setFileName] = useState('Arbetsbok.xlsx');
  const [source, setSource] = useState(EMPTY);
  const [version, setVersion] = useState(0);
  const [active, setActive] = useState('Blad1');
  const [selected, setSelected] = useState<Point | undefined>();
  const [paneKey, setPaneKey] = useState(0);
  const [width, setWidth] = useState<number>(() => (WIDTHS as readonly number[]).find((w) => w === Number(param('width'))) ?? 320);
  const [demos, setDemos] = useState<Demo[]>([]);
  const [status, setStatus] = useState('Tom arbetsbok öppnad.');
  const fileInput = useRef<HTMLInputElement>(null);

  const open = useCallback((next: FakeWorkbook, name: string, message: string) => {
    setBook((previous) => {
      // the pane is closed with its workbook, as in Excel: its event handlers go with it
      previous.removeHandlers();
      return next;
    });
    window.planrapportSimulator = { book: next };
    setFileName(name);
    setActive(next.sheets.find((s) => s.visibility === 'Visible')?.name ?? next.sheets[0]?.name ?? '');
    setSelected(undefined);
    setVersion((v) => v + 1);
    setPaneKey((k) => k + 1);
    setStatus(message);
  }, []);

  const openDemo = useCallback(
    async (slug: string, list: Demo[]) => {
      setSource(slug);
      if (slug === EMPTY) return open(emptyBook(), 'Arbetsbok.xlsx', 'Tom arbetsbok öppnad.');
      const demo = list.find((d) => d.slug === slug);
      setStatus('Öppnar …');
      const response = await fetch(`demo/${slug}.xlsx`);
      if (!response.ok) return setStatus(`Kunde inte hämta exemplet (${response.status}).`);
      open(await readXlsx(await response.arrayBuffer()), `${slug}.xlsx`, `${demo?.title ?? slug} öppnad.`);
    },
    [open],
  );

  // the first workbook: ?workbook=<slug> or an empty one
  useEffect(() => {
    window.planrapportSimulator = { book };
    void fetch('demo/index.json')
      .then((r) => (r.ok ? (r.json() as Promise<Demo[]>) : []))
      .then((list) => {
        setDemos(list);
        const wanted = param('workbook');
        if (wanted && wanted !== EMPTY) void openDemo(wanted, list);
        else setPaneKey((k) => k + 1);
      })
      .catch(() => setPaneKey((k) => k + 1));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // the grid follows the workbook: cells, sheets, and selections made by the pane
  useEffect(
    () =>
      book.subscribe((changes) => {
        setVersion((v) => v + 1);
        for (const c of changes) {
          if (c.type !== 'selection') continue;
          const { row, column } = parseRange(c.address);
          setActive(c.sheet);
          setSelected((previous) => (previous?.row === row - 1 && previous.column === column - 1 ? previous : { row: row - 1, column: column - 1 }));
        }
      }),
    [book],
  );

  const visible = book.sheets.filter((s) => s.visibility === 'Visible');
  const sheet = book.sheet(active) ?? visible[0] ?? book.sheets[0];
  const address = sheet && selected ? `${sheet.name}!${pointAddress(selected.row, selected.column)}` : '';

  const download = async () => {
    const bytes = await writeXlsx(book);
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(`${fileName} laddades ner.`);
  };

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      open(await readXlsx(await file.arrayBuffer()), file.name, `${file.name} öppnad.`);
      setSource('');
    } catch (e) {
      setStatus(`Kunde inte läsa ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div className="sim">
      <header className="sim-header">
        <h1>
          Planrapport <span className="sim-badge">Simulator – inte Excel</span>
        </h1>
        <p className="sim-note">Aktivitetsfönstret är tilläggets riktiga produktionsbygge; arbetsboken är en simulering av Excel (formler beräknas inte).</p>
        <div className="sim-toolbar" role="toolbar" aria-label="Arbetsbok">
          <label>
            Exempel{' '}
            <select value={source} onChange={(e) => void openDemo(e.target.value, demos)} aria-label="Öppna en exempelarbetsbok">
              <option value={EMPTY}>Tom arbetsbok</option>
              {demos.map((d) => (
                <option key={d.slug} value={d.slug}>
                  {d.title}
                </option>
              ))}
              {source === '' && <option value="">{fileName}</option>}
            </select>
          </label>
          <button type="button" onClick={() => fileInput.current?.click()}>
            Öppna .xlsx …
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            aria-label="Öppna en .xlsx-fil"
            onChange={(e) => void openFile(e.target.files?.[0])}
          />
          <button type="button" onClick={() => void download()}>
            Ladda ner arbetsboken
          </button>
          <label>
            Fönstrets bredd{' '}
            <select value={width} onChange={(e) => setWidth(Number(e.target.value))} aria-label="Aktivitetsfönstrets bredd">
              {WIDTHS.map((w) => (
                <option key={w} value={w}>
                  {w} px
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setPaneKey((k) => k + 1)}>
            Ladda om fönstret
          </button>
          <span className="sim-status" role="status">
            {status}
          </span>
        </div>
      </header>
      <main className="sim-main">
        <section className="sim-book" aria-label="Arbetsbok">
          <div className="sim-namebox">
            <span>Markerad cell:</span>{' '}
            <output data-testid="namebox" aria-label="Markerad cell">
              {address || '–'}
            </output>
          </div>
          <div className="sim-tabs" role="tablist" aria-label="Blad">
            {visible.map((s) => (
              <button
                key={s.name}
                type="button"
                role="tab"
                aria-selected={s === sheet}
                onClick={() => {
                  setActive(s.name);
                  setSelected(undefined);
                }}
              >
                {s.name}
              </button>
            ))}
          </div>
          {sheet && (
            <Grid
              key={`${sheet.name}-${paneKey}`}
              sheet={sheet}
              version={version}
              selected={selected}
              onSelect={(p) => {
                setSelected(p);
                book.userSelects(sheet.name, pointAddress(p.row, p.column));
              }}
              onEdit={(p, text) => sheet.type(pointAddress(p.row, p.column), typedValue(text))}
            />
          )}
        </section>
        <aside className="sim-pane" style={{ width }} aria-label="Aktivitetsfönster">
          {paneKey > 0 && <iframe key={paneKey} title="Planrapport (aktivitetsfönster)" src="pane/taskpane.html" style={{ width, height: '100%' }} />}
        </aside>
      </main>
    </div>
  );
}
