/**
 * One sheet of the simulator's workbook in react-spreadsheet: the cells as the stand-in holds
 * them (a formula without a computed value shows as its text, in grey), editable; the
 * selection is controlled, so that a finding's click in the pane shows here.
 */
import { useEffect, useMemo, useRef } from 'react';
import Spreadsheet, {
  EmptySelection,
  PointRange,
  RangeSelection,
  type CellBase,
  type DataEditorComponent,
  type DataEditorProps,
  type DataViewerComponent,
  type DataViewerProps,
  type Matrix,
  type Selection,
} from 'react-spreadsheet';
import type { FakeCell, FakeSheet } from '../excel/fakeExcel';

export interface Point {
  row: number;
  column: number;
}

interface SimCell extends CellBase<string | undefined> {
  /** What the cell shows. */
  shown: string;
  /** What editing starts from: the formula, or the value as text. */
  input: string;
  formula?: string;
  edited?: boolean;
  /**
   * The workbook's selected cell (what the name box shows). react-spreadsheet outlines its own
   * active cell only while the grid has the focus; this one stays outlined while the pane has it,
   * as Excel shows its selection.
   */
  selected?: boolean;
}

const DAY_MS = 86_400_000;
const EPOCH_1899 = Date.UTC(1899, 11, 30);

function shown(cell: FakeCell | undefined): string {
  if (!cell) return '';
  if (cell.error) return cell.error;
  const v = cell.value;
  if (v === undefined) return '';
  if (typeof v === 'number' && cell.numberFormat && /(^|[^"\\])(yy|dd|d-|mm-)/i.test(cell.numberFormat)) {
    return new Date(EPOCH_1899 + Math.round(v) * DAY_MS).toISOString().slice(0, 10);
  }
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (typeof v === 'boolean') return v ? 'SANT' : 'FALSKT';
  return v;
}

function input(cell: FakeCell | undefined): string {
  if (!cell) return '';
  if (cell.formula) return cell.formula;
  if (typeof cell.value === 'number' && !cell.numberFormat?.match(/yy|dd/i)) return String(cell.value).replace('.', ',');
  return shown(cell);
}

/** react-spreadsheet evaluates values that start with "=": a text shown so gets a zero-width space first. */
const safe = (text: string) => (text.startsWith('=') ? `\u200b${text}` : text);

function Viewer({ cell }: DataViewerProps<SimCell>) {
  const mark = cell?.selected ? { 'data-selected': 'true' } : {};
  if (cell?.formula && !cell.shown) {
    return (
      <span className="Spreadsheet__data-viewer sim-formula" title="Formeln beräknas inte i simulatorn" {...mark}>
        {cell.formula}
      </span>
    );
  }
  return (
    <span className="Spreadsheet__data-viewer" {...mark}>
      {cell?.shown ?? ''}
    </span>
  );
}

function Editor({ cell, onChange }: DataEditorProps<SimCell>) {
  const text = cell?.edited ? cell.input : cell?.value === undefined ? '' : (cell?.input ?? '');
  return (
    <div className="Spreadsheet__data-editor">
      <input
        type="text"
        autoFocus
        aria-label="Cellens innehåll"
        value={text}
        onChange={(e) => onChange({ ...(cell as SimCell), input: e.target.value, edited: true })}
      />
    </div>
  );
}

export interface GridProps {
  sheet: FakeSheet;
  version: number;
  selected: Point | undefined;
  onSelect: (point: Point) => void;
  onEdit: (point: Point, text: string | null) => void;
}

export function Grid({ sheet, version, selected, onSelect, onEdit }: GridProps) {
  const container = useRef<HTMLDivElement>(null);
  const selectedRow = selected?.row ?? -1;
  const selectedColumn = selected?.column ?? -1;
  const data = useMemo<Matrix<SimCell>>(() => {
    void version;
    const used = sheet.used();
    const rows = Math.max((used?.lastRow ?? 0) + 10, 40, selectedRow + 5);
    const columns = Math.max((used?.lastColumn ?? 0) + 2, 12, selectedColumn + 2);
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => {
        const cell = sheet.cells.get(`${r + 1},${c + 1}`);
        const text = shown(cell);
        return {
          value: safe(text),
          shown: text,
          input: input(cell),
          ...(cell?.formula ? { formula: cell.formula } : {}),
          ...(r === selectedRow && c === selectedColumn ? { selected: true } : {}),
        };
      }),
    );
  }, [sheet, version, selectedRow, selectedColumn]);

  const selection = useMemo<Selection>(
    () => (selected ? new RangeSelection(new PointRange(selected, selected)) : new EmptySelection()),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selected?.row, selected?.column, sheet],
  );

  // the selected cell in view, as Excel scrolls to it
  useEffect(() => {
    if (!selected) return;
    const row = container.current?.querySelectorAll('tr')[selected.row + 1];
    row?.children[selected.column + 1]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selected, sheet]);

  return (
    <div className="sim-grid" ref={container} data-sheet={sheet.name}>
      <Spreadsheet
        data={data}
        selected={selection}
        DataViewer={Viewer as DataViewerComponent}
        DataEditor={Editor as DataEditorComponent}
        onSelect={(s: Selection) => {
          const range = s.toRange(data);
          if (range && (range.start.row !== selected?.row || range.start.column !== selected?.column)) onSelect(range.start);
        }}
        onCellCommit={(_prev: CellBase | null, cell: CellBase | null, point: Point | null) => {
          const next = cell as SimCell | null;
          if (!point || !next) return;
          if (next.edited) onEdit(point, next.input);
          else if (next.value === undefined && next.shown !== '') onEdit(point, null);
        }}
      />
    </div>
  );
}
