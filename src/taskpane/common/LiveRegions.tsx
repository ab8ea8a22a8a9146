/**
 * What screen readers hear: results in a polite live region, errors in an assertive one. Both
 * are in the page from the start (a region added together with its text is not announced);
 * each message replaces the region's content, so the same text is announced again.
 */
import { makeStyles } from '@fluentui/react-components';
import type { Announcement } from '../state/store';
import { VISUALLY_HIDDEN } from './visuallyHidden';

const useStyles = makeStyles({
  hidden: VISUALLY_HIDDEN,
});

export function LiveRegions({ announcement, alert }: { announcement?: Announcement; alert?: Announcement }) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.hidden} aria-live="polite" aria-atomic="true" data-testid="live-polite">
        {announcement && <span key={announcement.id}>{announcement.text}</span>}
      </div>
      <div className={styles.hidden} aria-live="assertive" aria-atomic="true" data-testid="live-assertive">
        {alert && <span key={alert.id}>{alert.text}</span>}
      </div>
    </>
  );
}
