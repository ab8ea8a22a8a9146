/**
 * The contract's sheets and headers (../shared/spec/contract.md §2), written out here as the
 * contract states them — independent of the layout code, so tests can hold the code to them.
 * The year-dependent header is the one for a 2019 document.
 */
export const CONTRACT_HEADERS = {
  Dokument: ['Fält', 'Värde'],
  Texter: ['Avsnitt', 'Text'],
  Mål: [
    'Id',
    'Nivå',
    'Överordnat id',
    'Mål',
    'Bedömning',
    'Beskrivning',
    'Förväntat resultat',
    'Analys',
    'Arbetssätt',
    'Resursanvändning',
    'Uppföljning',
    'Utveckling',
  ],
  Indikatorer: [
    'Mål-id',
    'Indikator',
    'Enhet',
    'Riktning',
    'Periodicitet',
    'Periodens utfall',
    'Utfall män/pojkar',
    'Utfall kvinnor/flickor',
    'Periodens utfall VB 2018',
    'Prognos helår',
    'Årsmål',
    'KF:s årsmål',
    'Period',
    'Analys',
  ],
  Aktiviteter: ['Mål-id', 'Aktivitet', 'Startdatum', 'Slutdatum', 'Status', 'Avvikelse', 'Analys'],
  Driftbudget: [
    'Verksamhet',
    'Radtyp',
    'Utfall',
    'Budget',
    'Prognos',
    'Avvikelse budget prognos',
    'Prestationsförändring',
    'Avvikelse efter prestationsförändring',
    'Analys',
  ],
} as const satisfies Record<string, readonly string[]>;
