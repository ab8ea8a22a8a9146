import { readFile } from 'node:fs/promises';
import { FileError, onFile } from '../errors';
import { parse, UsageError, type Output } from '../io';
import { loadAudit } from '../lazy';
import { formatAudit } from '../format';

/** `planrapport audit <fil.docx> [--json]`: 0 no problems, 1 problems, 2 unreadable file. */
export async function auditCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('Ange ett (1) Word-dokument, t.ex. planrapport audit rapport.docx.');
  const bytes = await onFile(file, 'read', () => readFile(file));
  const { auditDocument, UnreadableDocxError } = loadAudit();
  let findings;
  try {
    findings = await auditDocument(bytes);
  } catch (e) {
    if (e instanceof UnreadableDocxError) {
      throw new FileError(`${file} kan inte granskas: ${e.message}. Ange ett Word-dokument (.docx); ett äldre .doc kan sparas som .docx i Word.`);
    }
    throw e;
  }
  if (values.json) out.log(JSON.stringify(findings, null, 2));
  else out.log(formatAudit(file, findings));
  return findings.length ? 1 : 0;
}
