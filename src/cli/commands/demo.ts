import path from 'node:path';
import { parse, UsageError, writeFileSafely, type Output } from '../io';
import { loadDemo, loadGenerate } from '../lazy';

export async function demoCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' } });
  if (positionals.length) throw new UsageError(`Okänt argument "${positionals[0]}".`);
  const dir = values.out ?? 'demo-output';
  const { EXAMPLES, loadTranscription, buildExampleWorkbook } = loadDemo();
  const { generateReport } = loadGenerate();
  for (const example of EXAMPLES) {
    const transcription = loadTranscription(example.file);
    const host = await buildExampleWorkbook(transcription);
    const file = path.join(dir, `${example.slug}.xlsx`);
    await writeFileSafely(file, await host.toBuffer());
    const report = await generateReport(host);
    const docx = path.join(dir, `${example.slug}.docx`);
    await writeFileSafely(docx, report.bytes);
    out.log(`${example.title}:\n  ${file}\n  ${docx}`);
  }
  return 0;
}
