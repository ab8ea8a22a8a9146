import path from 'node:path';
import { promises as fs } from 'node:fs';
import { EXAMPLES, loadTranscription } from '../../demo/examples';
import { buildExampleWorkbook } from '../../demo/buildWorkbook';
import { generateReport } from '../../usecases/generate';
import { parse, UsageError, writeFileSafely, type Output } from '../io';

export async function demoCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' } });
  if (positionals.length) throw new UsageError(`Okänt argument "${positionals[0]}".`);
  const dir = values.out ?? 'demo-output';
  await fs.mkdir(dir, { recursive: true });
  for (const example of EXAMPLES) {
    const transcription = loadTranscription(example.file);
    const host = await buildExampleWorkbook(transcription);
    const file = path.join(dir, `${example.slug}.xlsx`);
    await writeFileSafely(file, (tmp) => host.save(tmp));
    const report = await generateReport(host);
    const docx = path.join(dir, `${example.slug}.docx`);
    await writeFileSafely(docx, (tmp) => fs.writeFile(tmp, report.bytes));
    out.log(`${example.title}:\n  ${file}\n  ${docx}`);
  }
  return 0;
}
