/**
 * The findings, compact: a filter (all, errors, warnings), a group per sheet that opens and
 * closes, and one line per finding: its cell and its message once (the location is the group
 * and the cell, presentFinding removes it from the text). The rule id, for support and for the
 * CLI's output, is in each line's tooltip and under each message after "Regel-id". A click
 * selects the cell, or shows the sheet.
 */
import { useId, useMemo, useState } from 'react';
import { Button, ToggleButton, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ChevronDown16Regular, ChevronRight16Regular, ErrorCircle16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { Finding } from '../../core/findings/finding';
import { presentFinding, type PresentedFinding } from '../../core/findings/present';
import { plural } from '../texts';
import { VISUALLY_HIDDEN } from '../common/visuallyHidden';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  filter: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  ruleToggle: { marginLeft: 'auto', fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  rule: {
    gridColumn: '2 / span 2',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
  },
  group: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  toggle: {
    width: '100%',
    minWidth: 0,
    justifyContent: 'flex-start',
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
    gap: tokens.spacingHorizontalXS,
  },
  counts: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, marginLeft: 'auto', whiteSpace: 'nowrap' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    width: '100%',
    minWidth: 0,
    height: 'auto',
    justifyContent: 'flex-start',
    alignItems: 'flex-start',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    display: 'grid',
    gridTemplateColumns: '16px minmax(2.2em, auto) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
  },
  plain: { cursor: 'default' },
  icon: { marginTop: '2px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, paddingTop: '1px' },
  message: { overflowWrap: 'anywhere', minWidth: 0 },
  /** A finding about the whole sheet: its message takes the cell's place too. */
  wide: { gridColumn: '2 / span 2' },
  hidden: VISUALLY_HIDDEN,
  more: { alignSelf: 'flex-start' },
});

type Filter = 'all' | 'error' | 'warning';

interface Item {
  finding: Finding;
  shown: PresentedFinding;
}

/** Groups per sheet, in the order the validator sorted the findings (layout order). */
function groupBySheet(items: Item[]): [string, Item[]][] {
  const groups = new Map<string, Item[]>();
  for (const item of items) groups.set(item.finding.sheet, [...(groups.get(item.finding.sheet) ?? []), item]);
  return [...groups];
}

function countText(errors: number, warnings: number): string {
  return [errors ? plural(errors, 'fel', 'fel') : '', warnings ? plural(warnings, 'varning', 'varningar') : ''].filter(Boolean).join(', ');
}

/** Findings per group before "Visa alla". */
const PAGE = 50;

export function FindingList({ findings, onGo }: { findings: Finding[]; onGo(target: { sheet: string; range: string }): void }) {
  const styles = useStyles();
  const items = useMemo(() => findings.map((finding) => ({ finding, shown: presentFinding(finding) })), [findings]);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const [chosen, setFilter] = useState<Filter>('all');
  // the rule ids are for support and the CLI's output: shown on request (and in each line's tooltip)
  const [rules, setRules] = useState(false);
  // the filter shows only when there are both errors and warnings
  const filter = errors > 0 && warnings > 0 ? chosen : 'all';
  const visible = filter === 'all' ? items : items.filter((i) => i.finding.severity === filter);
  const groups = groupBySheet(visible);
  // few findings: every group open; many: the groups with errors
  const [closed, setClosed] = useState<ReadonlySet<string>>(() =>
    findings.length <= 20 ? new Set() : new Set(groupBySheet(items).flatMap(([sheet, is]) => (is.some((i) => i.finding.severity === 'error') ? [] : [sheet]))),
  );
  const toggle = (sheet: string) =>
    setClosed((c) => {
      const next = new Set(c);
      if (!next.delete(sheet)) next.add(sheet);
      return next;
    });

  const filters: [Filter, string][] = [
    ['all', `Alla (${findings.length})`],
    ['error', `Fel (${errors})`],
    ['warning', `Varningar (${warnings})`],
  ];

  return (
    <div className={styles.root}>
      <div className={styles.filter}>
        {errors > 0 && warnings > 0 && (
          <div className={styles.filter} role="group" aria-label="Visa">
            {filters.map(([value, label]) => (
              <ToggleButton key={value} size="small" checked={filter === value} onClick={() => setFilter(value)}>
                {label}
              </ToggleButton>
            ))}
          </div>
        )}
        <ToggleButton className={styles.ruleToggle} size="small" appearance="subtle" checked={rules} onClick={() => setRules((r) => !r)}>
          Regel-id
        </ToggleButton>
      </div>
      {groups.map(([sheet, list]) => (
        <Group key={sheet} sheet={sheet} items={list} open={!closed.has(sheet)} onToggle={() => toggle(sheet)} onGo={onGo} rules={rules} />
      ))}
    </div>
  );
}

function Group({
  sheet,
  items,
  open,
  onToggle,
  onGo,
  rules,
}: {
  sheet: string;
  items: Item[];
  open: boolean;
  onToggle(): void;
  onGo: (target: { sheet: string; range: string }) => void;
  rules: boolean;
}) {
  const styles = useStyles();
  const id = useId();
  const [all, setAll] = useState(false);
  const errors = items.filter((i) => i.finding.severity === 'error').length;
  const shown = all ? items : items.slice(0, PAGE);
  return (
    <section className={styles.group} aria-label={sheet}>
      <h3 className={styles.heading}>
        <Button
          className={styles.toggle}
          appearance="subtle"
          icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
          aria-expanded={open}
          aria-controls={open ? id : undefined}
          onClick={onToggle}
        >
          {sheet}
          <span className={styles.counts}>{countText(errors, items.length - errors)}</span>
        </Button>
      </h3>
      {open && (
        <ul className={styles.list} id={id}>
          {shown.map((item, i) => (
            <li key={`${item.finding.rule}-${item.finding.cell}-${i}`}>
              <FindingLine item={item} onGo={onGo} rules={rules} />
            </li>
          ))}
        </ul>
      )}
      {open && items.length > shown.length && (
        <Button className={styles.more} size="small" appearance="transparent" onClick={() => setAll(true)}>
          {`Visa alla ${items.length} i ${sheet}`}
        </Button>
      )}
    </section>
  );
}

function FindingLine({ item, onGo, rules }: { item: Item; onGo: (target: { sheet: string; range: string }) => void; rules: boolean }) {
  const styles = useStyles();
  const { finding, shown } = item;
  const isError = finding.severity === 'error';
  const Icon = isError ? ErrorCircle16Filled : Warning16Filled;
  const content = (
    <>
      <Icon aria-hidden className={mergeClasses(styles.icon, isError ? styles.error : styles.warning)} />
      <span className={styles.hidden}>{isError ? 'Fel: ' : 'Varning: '}</span>
      {finding.cell && <span className={styles.cell}>{finding.cell}</span>}
      <span className={mergeClasses(styles.message, !finding.cell && styles.wide)}>{shown.text}</span>
      {rules && <span className={styles.rule}>{`Regel: ${finding.rule}`}</span>}
    </>
  );
  const where = finding.cell ? `${finding.sheet}!${finding.cell}` : `fliken ${finding.sheet}`;
  if (!shown.target) {
    return (
      <div className={mergeClasses(styles.item, styles.plain)} title={`Regel: ${finding.rule}`}>
        {content}
      </div>
    );
  }
  const target = shown.target;
  return (
    <Button className={styles.item} appearance="subtle" title={`Gå till ${where} · regel ${finding.rule}`} onClick={() => onGo(target)}>
      {content}
    </Button>
  );
}
