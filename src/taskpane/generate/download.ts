/**
 * Handing a generated file to the user from the task pane: a blob download through a
 * temporary <a download>. Works in Excel on the web and in Excel for Windows (WebView2);
 * Excel for Mac and iPad ignore downloads from a task pane, see savingUnsupported().
 */

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** How long the object URL stays valid: some browsers fetch it after the click returns. */
export const REVOKE_AFTER_MS = 40_000;

export function downloadFile(bytes: Uint8Array, fileName: string, type: string = DOCX_MIME): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

const NO_DOWNLOADS: Record<string, string> = {
  Mac: 'Excel för Mac',
  iOS: 'Excel för iPad',
};

/**
 * Swedish instructions when the Office platform cannot save files from a task pane
 * ("Mac", "iOS" as office.js names them), otherwise undefined.
 */
export function savingUnsupported(platform: string | undefined): string | undefined {
  const where = platform ? NO_DOWNLOADS[platform] : undefined;
  return where
    ? `I ${where} kan tillägget inte spara filer. Öppna arbetsboken i Excel på webben eller i Windows och generera där, ` +
        'eller kör kommandot planrapport generate på arbetsbokens fil.'
    : undefined;
}
