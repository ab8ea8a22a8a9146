/**
 * Common Swedish first names (the most frequent given names in Sweden, SCB), for telling a
 * name left alone on a line in a draft ("Susanne") from a sub-heading ("Familjerätt").
 * Lower case; a line is compared without its case.
 */
const NAMES = `
anna eva maria karin sara kristina lena emma kerstin marie malin ingrid hanna linda elin annika susanne birgitta
sofia johanna inger ulla carina elisabeth katarina monica jenny helena camilla ida julia åsa sandra cecilia
anneli annelie anette annette agneta margareta gunilla ann lisa frida amanda louise therese ulrika jessica
madeleine petra gun lina matilda ebba elsa alice maja wilma astrid ellen moa klara nora agnes saga signe
ylva yvonne viktoria victoria pia marianne britt siv gunnel barbro berit ingela helén ewa maja-lisa ann-christin
ann-marie anna-karin eva-lena marie-louise lotta charlotte charlotta josefin josefine mia nina tove tina veronica
veronika rebecka rebecca emelie emilia emelia felicia fanny tilda stina vera alva selma minna kajsa
erik lars karl anders johan per nils jan mikael hans peter olof lennart gunnar sven fredrik bengt bo daniel
gustav åke göran magnus stefan thomas tomas leif andreas alexander mats ulf björn kjell christer håkan mattias
jonas martin niklas henrik marcus markus patrik robert david rolf sebastian joakim oskar oscar anton emil
viktor victor simon filip jakob jacob william lucas hugo elias axel isak ludvig adam linus rasmus tobias
kent roger dan claes clas ingvar arne tommy torbjörn kenneth mohammed ali ahmed pär jörgen roland
kristoffer christoffer christian kristian jesper johannes jonathan jimmy pontus olle ola stig sten örjan
`;

export const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));

/** "Susanne", "Ann-Christin", "Lena L", "Lena L." : a first name alone, perhaps with an initial. */
export function isLoneFirstName(line: string): boolean {
  const m = /^([A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?)(?:\s+[A-ZÅÄÖ]\.?)?$/.exec(line.trim());
  return m !== null && FIRST_NAMES.has(m[1]!.toLowerCase());
}
