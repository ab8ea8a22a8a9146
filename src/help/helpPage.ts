/**
 * The help page the add-in serves next to the task pane (help.html; the manifest's SupportUrl
 * and "Kom igång" link point at it). Static HTML in Swedish, built by webpack at build time
 * (src/help/template.ts through HtmlWebpackPlugin): the sheets and their columns come from the
 * layout (core/layout/layout.ts), the sections each kind expects from the report's outline and
 * the list of checks from the rule catalog, so the page follows them when they change.
 */
import { DOCUMENT_KIND_LABEL, type DocumentKind } from '../core/model/plan';
import { LISTS, LIST_SHEET, PROBLEM_FILL, SHEETS, type ColumnSpec, type FieldSpec, type SheetSpec } from '../core/layout/layout';
import { RULES, RULE_IDS, type RuleId } from '../core/findings/catalog';
import { documentOutline } from '../core/report/outline';

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const code = (text: string) => `<code>${esc(text)}</code>`;
/**
 * A text of the layout or the catalog as HTML: a quoted bit of syntax without letters (`"- "`,
 * `"1. "`, `"-"`) becomes code, other straight quotes Swedish ”…”.
 */
const sv = (text: string) =>
  text
    .split(/("[^"]*")/)
    .map((part) => {
      const quoted = /^"([^"]*)"$/.exec(part);
      if (!quoted) return esc(part);
      return /\p{L}/u.test(quoted[1]!) ? `”${esc(quoted[1]!)}”` : code(quoted[1]!);
    })
    .join('');

/** What goes on each sheet, in a sentence or two (the columns follow from the layout). */
export const SHEET_INTRO: Readonly<Record<string, string>> = {
  Dokument:
    'Uppgifter om dokumentet: typ, år, tertial och organisation, och det som står på försättssidan. Ett fält per rad: fältets namn i kolumnen Fält och uppgiften i kolumnen Värde.',
  Texter:
    'Dokumentets löptext, ett avsnitt per rad: rubriken i Avsnitt och texten i Text. Nya stycken på egna rader i cellen (Alt+Enter), "- " först på raden ger en punktlista och "1. " en numrerad lista.',
  Mål: 'Målen på fyra nivåer (KF:s inriktningsmål, KF:s mål för verksamhetsområdet, nämndmål och enhetsmål) med bedömning och texter. Målen hänger ihop genom Id och Överordnat id.',
  Indikatorer:
    'Indikatorerna under varje mål: utfall, prognos, årsmål och analys. Mål-id säger vilket mål indikatorn hör till. Procent skrivs med %-tecken (0,8 %). Finns inget värde skriver du "-" eller "i.u.".',
  Aktiviteter: 'Aktiviteterna under varje mål, med datum, status och analys. Mål-id säger vilket mål aktiviteten hör till.',
  Driftbudget:
    'Budget, prognos och avvikelse per verksamhet, i mnkr. Radtyp styr raden: Verksamhet och Varav är rader du fyller i, Summa och Slutsumma räknas med formler, Justering läggs till i slutsumman. Avvikelse är Budget − Prognos: lämna den tom så blir den en formel.',
  'Budget kostnadsslag':
    'Verksamhetsplanens budget per kostnadsslag, i tkr. Radtyp säger vad raden är; Summa intäkter, Summa kostnader och Summa netto räknas med formler.',
  'Budget verksamhet':
    'Verksamhetsplanens budget per verksamhet, i mnkr, som den står under "Budget" och året (t.ex. "Budget 2019"): Kostnader, Intäkter (med eller utan minustecken), Netto och Ökning (+)/Minskning (−) mot förra året. Netto och raden med Radtyp Summa räknas med formler.',
  Tabeller:
    'Tabeller som de andra bladen inte rymmer, t.ex. resultatenheter, investeringar eller månadsstatistik. Varje rad hör till en tabell (samma namn i Tabell); Avsnitt säger under vilket avsnitt tabellen skrivs ut, också ett avsnitt som dokumentet har utan text i Texter (t.ex. Investeringar eller Budget 2019). Namnger Avsnitt inget avsnitt skrivs tabellen direkt under ekonomirubriken.',
};

/** The findings users meet most, with what to do. Rule ids are typed: a renamed rule does not compile. */
export const COMMON_FINDINGS: readonly { title: string; rules: readonly RuleId[]; means: string; todo: string }[] = [
  {
    title: 'Analys saknas där målet inte nås',
    rules: ['indicator.analysis-required', 'goal.analysis-required'],
    means:
      'En indikator når inte årsmålet (enligt prognos eller utfall och Riktning), eller ett mål bedöms "Uppfylls delvis" eller "Uppfylls inte", och Analys är tom. Cellen är markerad i bladet.',
    todo: 'Skriv i Analys varför målet inte nås och vad som görs åt det.',
  },
  {
    title: 'Summor som inte går ihop',
    rules: ['budget.sum', 'budget.final-sum', 'plan-budget.sum', 'unit-budget.sum', 'unit-budget.net'],
    means:
      'En Summa, Slutsumma, summarad i Budget kostnadsslag eller Netto i Budget verksamhet stämmer inte med raderna ovanför (Netto: med Kostnader minus Intäkter), oftast för att formeln har skrivits över med ett tal.',
    todo: 'Töm cellen och kör "Uppdatera mallar" så får den formeln igen, eller rätta raderna ovanför.',
  },
  {
    title: 'Avvikelse som inte stämmer',
    rules: ['budget.deviation'],
    means: 'En inskriven avvikelse är inte Budget − Prognos (efter prestationsförändring: plus den).',
    todo: 'Ta bort det inskrivna värdet, så räknar formeln.',
  },
  {
    title: 'Text i en talcell',
    rules: ['indicator.text-in-number', 'indicator.number-as-text', 'value.amount'],
    means: 'Där ett tal ska stå finns text ("ca 80", "12 st"), eller ett tal som är sparat som text så att Excel inte räknar med det.',
    todo: 'Skriv bara talet, eller "-" / "i.u." om värde saknas (i Årsmål även "Tas fram av nämnd", "Öka" eller "Minska"). Ett tal sparat som text: ändra cellens format till Allmänt och skriv in värdet på nytt.',
  },
  {
    title: 'Belopp eller tal i fel enhet',
    rules: ['value.amount-unit', 'value.unit', 'indicator.percent-scale'],
    means:
      'Driftbudget och Budget verksamhet är i mnkr, Budget kostnadsslag i tkr. Ett belopp skrivet med en annan enhet ("12 500 tkr" i Driftbudget) är fel. För indikatorer ska talet vara i indikatorns Enhet; ett procentvärde utan %-tecken kan läsas hundra gånger för stort.',
    todo: 'Räkna om till kolumnens enhet och skriv bara talet (12,5 i Driftbudget). Skriv procent med tecknet: 0,8 %.',
  },
  {
    title: 'Ett avsnitt saknas',
    rules: ['text.section-missing'],
    means: 'Dokumenttypen brukar ha ett avsnitt som inte finns i fliken Texter (se listan under Texter ovan).',
    todo: 'Lägg till en rad i Texter med avsnittets namn i Avsnitt och texten i Text.',
  },
  {
    title: 'Uppgifter saknas i Dokument',
    rules: ['document.kind-missing', 'document.year-missing', 'document.tertial-missing', 'document.organisation-missing'],
    means: 'Dokumenttyp, År, Tertial (för en tertialrapport) eller Organisation saknas i fliken Dokument.',
    todo: 'Fyll i fältet i kolumnen Värde.',
  },
  {
    title: 'Utfall saknas',
    rules: ['indicator.outcome-missing'],
    means: 'Periodens utfall är tomt och Analys förklarar inte varför.',
    todo: 'Skriv utfallet, eller skriv i Analys varför det saknas (t.ex. att siffran kommer senare).',
  },
  {
    title: 'Män och kvinnor stämmer inte med totalen',
    rules: ['indicator.gender-sum', 'indicator.gender-range'],
    means: 'För antal (st) ska män + kvinnor vara totalen; för en andel ska totalen ligga mellan männens och kvinnornas värde. Kolumnen Kontroll visar det.',
    todo: 'Rätta något av de tre värdena.',
  },
  {
    title: 'En flik eller kolumn saknas eller har bytt namn',
    rules: ['sheet.missing', 'column.missing', 'column.renamed'],
    means: 'Planrapport hittar bladen och kolumnerna på deras namn i rad 1. En omdöpt flik eller felstavad rubrik kan inte läsas.',
    todo: 'Rätta namnet till det som står här på sidan, eller kör "Uppdatera mallar" som lägger till det som saknas. Egna kolumner och flikar får finnas kvar.',
  },
];

/** A list of choices as a Swedish phrase: 'a, b eller c'. */
function orList(values: readonly (string | number)[]): string {
  const v = values.map(String);
  return v.length <= 1 ? (v[0] ?? '') : `${v.slice(0, -1).join(', ')} eller ${v[v.length - 1]}`;
}

function columnText(column: ColumnSpec): string {
  const list = column.list ? LISTS[column.list] : undefined;
  const own =
    column.prompt ??
    column.check?.message ??
    {
      id: 'Kort nyckel, skrivs som text.',
      text: 'Text på en rad.',
      richText: 'Text; stycken på egna rader, "- " ger punktlista.',
      value: 'Tal i indikatorns enhet, eller "-" / "i.u." om värde saknas.',
      amount: `Belopp i ${column.unit ?? 'mnkr'}.`,
      integer: 'Heltal.',
      date: 'Datum, ÅÅÅÅ-MM-DD.',
      choice: '',
      period: 'Perioden värdet gäller.',
      derived: 'Räknas ut av Planrapport; skriv inte här.',
    }[column.kind];
  // the list's values, unless the prompt already names them all
  const listed = list && !list.values.every((v) => own.includes(String(v)));
  const choices = list && listed ? `${list.strict ? 'Välj' : 'Välj eller skriv egen'}: ${orList(list.values)}.` : '';
  const unit = column.kind === 'amount' && column.prompt && column.unit && !column.prompt.includes(column.unit) ? ` Belopp i ${column.unit}.` : '';
  return [own + unit, choices].filter(Boolean).join(' ');
}

function columnName(column: ColumnSpec): string {
  if (!column.headerFor) return code(column.header);
  return `${code(column.headerFor({ year: 2025 }))} (med året före dokumentets; här för 2025)`;
}

/** One entry per run of adjacent columns with the same description: `Kolumn 1 … Kolumn 14`, `Beskrivning, Analys`. */
function columnItems(columns: readonly ColumnSpec[]): string[] {
  const items: string[] = [];
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const text = columnText(column);
    let j = i;
    while (columns[j + 1] && !columns[j + 1]!.headerFor && !column.headerFor && columnText(columns[j + 1]!) === text) j++;
    const run = columns.slice(i, j + 1);
    const numbered =
      run.length >= 3 && run.every((c, k) => c.header === `${/^(.*) \d+$/.exec(column.header)?.[1]} ${k + Number(/\d+$/.exec(column.header)?.[0])}`);
    const names = numbered ? `${code(column.header)} … ${code(columns[j]!.header)}` : run.map(columnName).join(', ');
    items.push(`<li>${names}: ${sv(text)}</li>`);
    i = j;
  }
  return items;
}

function fieldText(field: FieldSpec): string {
  const list = field.list ? LISTS[field.list] : undefined;
  return field.prompt ?? (list ? `Välj: ${orList(list.values)}.` : { text: 'Text.', integer: 'Heltal.', date: 'Datum, ÅÅÅÅ-MM-DD.', choice: '' }[field.kind]);
}

const KINDS = Object.keys(DOCUMENT_KIND_LABEL) as DocumentKind[];

/** The text sections the validator expects for each kind (text.section-missing reads the same outline). */
function expectedSections(): string {
  const items = KINDS.map((kind) => {
    const outline = documentOutline(kind, undefined);
    const sections = [...outline.front.filter((f) => f.expected).map((f) => f.heading), ...outline.textParts.filter((p) => p.expected).map((p) => p.heading)];
    return `<li>${esc(DOCUMENT_KIND_LABEL[kind])}: ${sections.map(code).join(', ')}</li>`;
  });
  return `<p>Avsnitt som varje dokumenttyp ska ha (annars varnar valideringen):</p>\n<ul>${items.join('')}</ul>`;
}

const anchor = (name: string) =>
  `blad-${name
    .toLowerCase()
    .replace(/å|ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')}`;

function sheetSection(sheet: SheetSpec): string {
  const intro = SHEET_INTRO[sheet.name];
  if (!intro) throw new Error(`Hjälpsidan saknar en beskrivning av bladet ${sheet.name} (SHEET_INTRO i src/help/helpPage.ts).`);
  const body =
    sheet.kind === 'fields'
      ? `<p>Fälten:</p><ul>${sheet.fields.map((f) => `<li>${code(f.label)}: ${sv(fieldText(f))}</li>`).join('')}</ul>`
      : `<p>Kolumnerna (rad 1; ordningen är fri och egna kolumner får finnas):</p><ul>${columnItems(sheet.columns).join('')}</ul>`;
  const extra = sheet.name === 'Texter' ? expectedSections() : '';
  return `<section aria-labelledby="${anchor(sheet.name)}"><h3 id="${anchor(sheet.name)}">${esc(sheet.name)}</h3><p>${sv(intro)}</p>${body}${extra}</section>`;
}

const severity = (id: RuleId) => (RULES[id].severity === 'error' ? 'fel' : 'varning');

function commonFindings(): string {
  return COMMON_FINDINGS.map(
    (f) =>
      `<section><h3>${esc(f.title)}</h3><p class="ids">${f.rules.map((r) => `${code(r)} (${severity(r)})`).join(', ')}</p>` +
      `<p>${sv(f.means)}</p><p><strong>Gör så här:</strong> ${sv(f.todo)}</p></section>`,
  ).join('\n');
}

function allRules(): string {
  const items = RULE_IDS.map((id) => `<li>${code(id)} (${severity(id)}): ${sv(RULES[id].description)}</li>`).join('');
  return `<details><summary>Alla ${RULE_IDS.length} kontroller</summary><ul class="rules">${items}</ul></details>`;
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --muted: #555; --accent: #1e5aa0; --code: #f0f3f7; --line: #d0d7de; }
@media (prefers-color-scheme: dark) { :root { --fg: #eee; --bg: #1f1f1f; --muted: #bbb; --accent: #8cb8ff; --code: #2c2c2c; --line: #444; } }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 1rem/1.5 "Segoe UI", system-ui, -apple-system, sans-serif; color: var(--fg); background: var(--bg); }
header, main, footer { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
header { display: flex; gap: .75rem; align-items: center; padding-top: 1rem; }
header img { width: 32px; height: 32px; flex: none; }
h1 { font-size: 1.6rem; margin: 0; line-height: 1.2; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; padding-top: .5rem; border-top: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .25rem; }
a { color: var(--accent); }
a:focus-visible, summary:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
code { background: var(--code); padding: 0 .2em; border-radius: 3px; font-size: .95em; overflow-wrap: anywhere; }
pre { background: var(--code); padding: .5rem .75rem; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
pre code { padding: 0; }
ul { padding-left: 1.25rem; }
li { margin: .2rem 0; overflow-wrap: break-word; }
.ids { color: var(--muted); font-size: .9rem; margin: 0; }
.swatch { display: inline-block; width: 1em; height: 1em; vertical-align: -.15em; border: 1px solid var(--line); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: .5rem; background: var(--bg); padding: .25rem .5rem; }
details { margin: 1rem 0; }
summary { cursor: pointer; font-weight: 600; }
footer { color: var(--muted); font-size: .9rem; padding-bottom: 2rem; margin-top: 2rem; }
`;

/** The whole page. */
export function helpPage(options: { version?: string } = {}): string {
  const kinds = orList(KINDS.map((k) => DOCUMENT_KIND_LABEL[k].toLowerCase()));
  const sheets = SHEETS.map((s) => `<li><a href="#${anchor(s.name)}">${esc(s.name)}</a></li>`).join('');
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hjälp – Planrapport</title>
<link rel="icon" type="image/png" href="assets/icon-32.png">
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#innehall">Hoppa till innehållet</a>
<header><img src="assets/icon-64.png" alt=""><h1>Hjälp för Planrapport</h1></header>
<main id="innehall">
<p>Planrapport är ett tillägg till Excel för controllers och enhetschefer i Stockholms stads förvaltningar. Du arbetar i Excel som vanligt: Planrapport ger arbetsboken färdiga blad för mål, indikatorer, aktiviteter och budget med kontroller medan du skriver, kontrollerar den innan du lämnar in och gör med ett klick det färdiga Word-dokumentet – ${esc(kinds)}.</p>
<nav aria-label="På den här sidan"><ul>
<li><a href="#kom-igang">Kom igång</a></li>
<li><a href="#flikar">Flikarna Mallar, Validera och Word</a></li>
<li><a href="#blad">Bladen i arbetsboken</a><ul>${sheets}</ul></li>
<li><a href="#fynd">Vanliga fel och varningar</a></li>
<li><a href="#kommandorad">Excel för Mac och iPad: kommandoraden</a></li>
<li><a href="#integritet">Dina uppgifter</a></li>
<li><a href="#support">Frågor</a></li>
</ul></nav>

<h2 id="kom-igang">Kom igång</h2>
<ol>
<li>Öppna arbetsboken i Excel och klicka på <strong>Öppna Planrapport</strong> på fliken Start. Aktivitetsfönstret öppnas till höger.</li>
<li>Under <strong>Mallar</strong>: välj dokumenttyp, år (och tertial för en tertialrapport), skriv organisationen och klicka <strong>Skapa mallar</strong>. Bladen läggs till.</li>
<li>Fyll i bladen. Listor, hjälptexter och markeringar visar direkt när något inte stämmer.</li>
<li>Klicka <strong>Validera</strong> och rätta det som rapporteras.</li>
<li>Under <strong>Word</strong>: klicka <strong>Generera</strong> och spara Word-dokumentet.</li>
</ol>

<h2 id="flikar">Flikarna Mallar, Validera och Word</h2>
<p>Överst i aktivitetsfönstret står vilket dokument arbetsboken gäller: typ, år, period och organisation.</p>
<h3>Mallar</h3>
<p><strong>Skapa mallar</strong> lägger till Planrapports blad i arbetsboken med rubriker, listor, hjälptexter, kontroller och formler. I en arbetsbok som redan har bladen heter knappen <strong>Uppdatera mallar</strong>: den lägger till det som fattas (blad, kolumner, fält i Dokument, listor, kontroller och formler) och ändrar inget du har skrivit. Kör den igen när du har lagt till rader, så får de nya raderna sina formler, och när en formel fattas (töm först en summacell som har skrivits över med ett tal).</p>
<h3>Validera</h3>
<p><strong>Validera</strong> läser arbetsboken och listar fel och varningar per blad, med vad som är fel och vad du gör. Klicka på ett fynd så markeras cellen. Fel ska rättas innan du lämnar in; varningar är sådant att se över. När inga fel finns kvar står det <strong>Klar att lämna in</strong>. Valideringen ändrar aldrig arbetsboken.</p>
<h3>Word</h3>
<p>Knappen heter efter dokumenttypen: <strong>Generera verksamhetsplan</strong>, <strong>Generera tertialrapport</strong> eller <strong>Generera verksamhetsberättelse</strong>. Den gör Word-dokumentet med dokumentets inledande uppgifter, innehållsförteckning, målen med bedömningar, indikator- och aktivitetstabeller, ekonomin och texterna, och sparar det som en nedladdning. Det går också med fel kvar (som utkast); fel och varningar visas då. Arbetsboken ändras inte.</p>

<h2 id="blad">Bladen i arbetsboken</h2>
<p>Planrapport hittar bladen på deras namn och kolumnerna på rubriken i rad 1, så ordningen är fri och egna blad och kolumner får finnas. Byt inte namn på bladen eller rubrikerna. Ett dolt blad, ${code(LIST_SHEET)}, håller listorna som rullgardinerna visar; låt det vara.</p>
<p>Celler med ett problem markeras med fyllningen <span class="swatch" style="background:${PROBLEM_FILL}" aria-hidden="true"></span> (ljust orange) så fort du skriver, t.ex. en analys som saknas eller en summa som inte går ihop. Formlerna skrivs in av Skapa mallar och Uppdatera mallar, bara i tomma celler och celler med Planrapports egna formler; kör Uppdatera mallar när du har lagt till rader. Kolumner som Planrapport räknar ut skriver du inte i.</p>
${SHEETS.map(sheetSection).join('\n')}

<h2 id="fynd">Vanliga fel och varningar</h2>
<p>Varje fynd i Validera har ett blad, en cell och en kod (t.ex. ${code('budget.sum')}). De vanligaste:</p>
${commonFindings()}
${allRules()}

<h2 id="kommandorad">Excel för Mac och iPad: kommandoraden</h2>
<p>Excel för Mac och iPad kan inte spara filer från ett aktivitetsfönster. Mallar och Validera fungerar där, men Word-dokumentet gör du med Planrapports kommandoradsverktyg, på Macen eller en annan dator med Node.js 20 eller senare (den som förvaltar Planrapport hos er kan installera det). Spara arbetsboken och kör i Terminalen (Kommandotolken i Windows):</p>
<pre><code>npx planrapport generate arbetsbok.xlsx --out rapport.docx
npx planrapport validate arbetsbok.xlsx
npx planrapport template arbetsbok.xlsx --kind tertialrapport --year 2025 --tertial 2 --org "Nämndens namn"</code></pre>
<p>${code('generate')} gör Word-dokumentet och skriver ut valideringens sammanfattning, ${code('validate')} listar fel och varningar (med ${code('--json')} som JSON) och ${code('template')} skapar eller uppdaterar bladen, precis som knapparna i aktivitetsfönstret. Dokumenttyp skrivs ${code('verksamhetsplan')}, ${code('tertialrapport')} eller ${code('verksamhetsberattelse')}. Verktyget skriver aldrig i arbetsboken vid ${code('validate')} och ${code('generate')}.</p>

<h2 id="integritet">Dina uppgifter</h2>
<p>Allt Planrapport gör med arbetsboken sker på din dator: kontrollerna och Word-dokumentet görs i aktivitetsfönstret (eller av kommandoradsverktyget). Planrapport skickar inget av arbetsbokens innehåll någonstans, har ingen inloggning och samlar ingen statistik. Aktivitetsfönstret hämtar bara sina egna filer från den server tillägget ligger på och Microsofts Office-bibliotek (office.js).</p>

<h2 id="support">Frågor</h2>
<p>Vänd dig till den som förvaltar Planrapport i din förvaltning. Skriv vad du gjorde, vad som hände och, om det gäller ett fynd, dess kod (t.ex. ${code('indicator.analysis-required')}).</p>
</main>
<footer><p>Planrapport${options.version ? ` ${esc(options.version)}` : ''}</p></footer>
</body>
</html>
`;
}
