/**
 * Prints the figures of a bench run as the Markdown tables of BENCHMARKS.md ("The figures"):
 *   npm run bench -- --json /tmp/bench.json && node bench/markdown.js /tmp/bench.json
 */
'use strict';
const fs = require('node:fs');

const file = process.argv[2];
if (!file) {
  console.error('Användning: node bench/markdown.js <bench.json> (från npm run bench -- --json <fil>)');
  process.exit(2);
}
const run = JSON.parse(fs.readFileSync(file, 'utf8'));

const ms = (v) => (v === undefined || v === null ? '' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`);
const mb = (v) => (v === undefined || v === null ? '' : `${Math.round(v)} MB`);
const esc = (s) =>
  String(s ?? '')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|');
const size = (bytes) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`);
const num = (n) => n.toLocaleString('sv-SE');

const TITLES = {
  startup: 'Start-up (new processes, the cases interleaved)',
  demo: 'Demo workbooks',
  scale: 'Generated plans: n × the demo verksamhetsplan',
  indicators: 'Validation of n indicator rows (the demo tertialrapport with n indicators)',
  big: 'A 100 MB workbook',
};

/** demo:tertialrapport-2-2019-… → TR 2019; plan:40 → VP 40×. */
function shortName(fixture) {
  const demo = /^demo:(tertialrapport|verksamhetsplan|verksamhetsberattelse)\D*(\d{4})/.exec(fixture);
  if (demo) return `${{ tertialrapport: 'TR', verksamhetsplan: 'VP', verksamhetsberattelse: 'VB' }[demo[1]]} ${demo[2]}`;
  const plan = /^plan:(\d+)/.exec(fixture);
  return plan ? `VP ${plan[1]}×` : fixture;
}

const out = [];
const when = run.machine?.date ? run.machine.date.replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC') : '';
out.push(
  `\`npm run bench\`, ${when}, load average ${(run.machine?.load ?? []).map((l) => l.toFixed(1)).join(' ')} at the start. \`VP\` is the demo verksamhetsplan 2025, \`TR\` the tertialrapport 2 2019, \`VB\` the verksamhetsberättelse 2020.`,
);
for (const [section, title] of Object.entries(TITLES)) {
  const cases = run.cases.filter((c) => c.section === section);
  if (!cases.length) continue;
  out.push('', `### ${title}`, '', '| case | mode | wall median | wall min | CPU median | runs | peak RSS | notes |', '|---|---|---:|---:|---:|---:|---:|---|');
  for (const c of cases)
    out.push(`| ${esc(c.name)} | ${c.mode} | ${ms(c.medianMs)} | ${ms(c.minMs)} | ${ms(c.cpuMs)} | ${c.runs} | ${mb(c.rssMB)} | ${esc(c.note)} |`);
  if (section === 'scale' && run.scale) {
    out.push('', 'Marginal cost per indicator row (with its share of goals, activities and texts), 10×→40× · 40×→200×:', '');
    for (const [name, m] of Object.entries(run.scale)) {
      out.push(
        `- ${name}: wall ${m.medianMs.from10to40.toFixed(2)} · ${m.medianMs.from40to200.toFixed(2)} ms; CPU ${m.cpuMs.from10to40.toFixed(2)} · ${m.cpuMs.from40to200.toFixed(2)} ms` +
          (m.rssMBPerIndicator
            ? `; peak RSS ${Math.round(m.rssMBPerIndicator.from10to40 * 1024)} · ${Math.round(m.rssMBPerIndicator.from40to200 * 1024)} KB`
            : ''),
      );
    }
  }
}
if (run.officejs?.length) {
  out.push(
    '',
    '### office-js requests through the fake Excel host',
    '',
    'Per sync: operations queued / cells loaded (values) / cells written / JSON size.',
    '',
    '| workbook | action | runs | syncs | per sync |',
    '|---|---|---:|---:|---|',
  );
  for (const r of run.officejs) {
    const per = r.syncs
      .map(
        (s) =>
          `${s.ops} / ${num(s.loadedCells)} (${num(s.loadedValues)}) / ${num(s.writtenCells)} / ${size(s.loadedBytes + s.writtenBytes)}${s.loadedBytes + s.writtenBytes > 5e6 ? ' **> 5 MB**' : ''}`,
      )
      .join(' · ');
    out.push(`| ${esc(shortName(r.fixture))} | ${r.action} | ${r.runs} | ${r.syncs.length} | ${per} |`);
  }
}
if (run.targets?.length) {
  out.push('', '### Targets as printed', '');
  for (const t of run.targets) out.push(`- ${t.verdict} — ${t.name}: ${t.detail}`);
}
console.log(out.join('\n'));
