/**
 * A message in the pane: success, error, warning or information, with an optional title and
 * actions. Not Fluent's MessageBar: that one announces only inside an AriaLiveAnnouncer and,
 * without a title, points aria-labelledby at an id that does not exist. The pane announces
 * results through its own live regions (LiveRegions.tsx); this only shows them.
 */
import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, ErrorCircle20Filled, Info20Filled, Warning20Filled } from '@fluentui/react-icons';

export type Intent = 'success' | 'error' | 'warning' | 'info';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    ...shorthands.borderWidth(tokens.strokeWidthThin),
    ...shorthands.borderStyle('solid'),
    overflowWrap: 'anywhere',
  },
  success: { backgroundColor: tokens.colorPaletteGreenBackground1, ...shorthands.borderColor(tokens.colorPaletteGreenBorder1) },
  error: { backgroundColor: tokens.colorPaletteRedBackground1, ...shorthands.borderColor(tokens.colorPaletteRedBorder1) },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground1, ...shorthands.borderColor(tokens.colorPaletteYellowBorder1) },
  info: { backgroundColor: tokens.colorNeutralBackground3, ...shorthands.borderColor(tokens.colorNeutralStroke2) },
  icon: { marginTop: '1px' },
  successIcon: { color: tokens.colorPaletteGreenForeground1 },
  errorIcon: { color: tokens.colorPaletteRedForeground1 },
  warningIcon: { color: tokens.colorPaletteDarkOrangeForeground1 },
  infoIcon: { color: tokens.colorNeutralForeground3 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

const ICONS = { success: CheckmarkCircle20Filled, error: ErrorCircle20Filled, warning: Warning20Filled, info: Info20Filled };

export interface NoticeProps {
  intent: Intent;
  title?: string;
  /** The title's heading level inside the pane's outline (h3 by default). */
  headingLevel?: 2 | 3;
  children?: ReactNode;
  actions?: ReactNode;
  className?: string;
}

export function Notice({ intent, title, headingLevel = 3, children, actions, className }: NoticeProps) {
  const styles = useStyles();
  const Icon = ICONS[intent];
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={mergeClasses(styles.root, styles[intent], className)} data-intent={intent}>
      <Icon aria-hidden className={mergeClasses(styles.icon, styles[`${intent}Icon`])} />
      <div className={styles.body}>
        {title && <Heading className={styles.title}>{title}</Heading>}
        {children}
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
    </div>
  );
}
