/** Use-case: the accessibility check of a Word document (`planrapport audit`). Reads only. */
import { auditDocx, type AuditFinding, type AuditOptions } from '../core/audit/audit';
import { readDocxParts } from '../hosts/docx/docxParts';

export type { AuditFinding, AuditOptions };
export { UnreadableDocxError } from '../hosts/docx/docxParts';

/** The findings of a .docx given as bytes; throws UnreadableDocxError for a file that is no Word document. */
export async function auditDocument(bytes: Uint8Array, options: AuditOptions = {}): Promise<AuditFinding[]> {
  return auditDocx(await readDocxParts(bytes), options);
}
