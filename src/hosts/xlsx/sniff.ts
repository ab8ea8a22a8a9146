/** What a file is when it is not an .xlsx workbook (placeholder; see the cli branch). */
export function describeForeignFile(head: Uint8Array, zipEntryNames?: readonly string[]): string | undefined {
  void zipEntryNames;
  if (head.length === 0) return 'en tom fil';
  return undefined;
}
