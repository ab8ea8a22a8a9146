/** An error as the user reads it: what happened and what to do, "Försök igen" where it can help. */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise16Regular } from '@fluentui/react-icons';
import type { PaneError } from '../errors';
import { Notice } from './Notice';

const useStyles = makeStyles({
  detail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyMonospace },
});

export function ErrorNotice({
  error,
  title = 'Det gick inte',
  onRetry,
  headingLevel,
}: {
  error: PaneError;
  title?: string;
  onRetry?: () => void;
  headingLevel?: 2 | 3;
}) {
  const styles = useStyles();
  return (
    <Notice
      intent="error"
      title={title}
      headingLevel={headingLevel}
      actions={
        error.retry && onRetry ? (
          <Button size="small" icon={<ArrowClockwise16Regular />} onClick={onRetry}>
            Försök igen
          </Button>
        ) : undefined
      }
    >
      <span>{error.message}</span>
      {error.detail && <span className={styles.detail}>Teknisk orsak: {error.detail}</span>}
    </Notice>
  );
}
