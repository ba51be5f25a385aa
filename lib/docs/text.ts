/** Words that say nothing about which article fits. */
const STOPWORDS = new Set(
  "a about after again all also am an and any are as at be been before being but by can cannot could did do does doing don down during each for from further had has have having he her here hers him his how i if in into is it its just me more most my no nor not now of off on once only or other our out over own same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your hi hello thanks thank please help issue problem question get got use using used need needs want trying tried work working works".split(
    " ",
  ),
);

/** A light stemmer: enough to match "snapshots" with "snapshot" and "deploying" with "deploy". */
export function stem(word: string): string {
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** Lower-cased, stemmed words of a text, without stopwords, HTML tags or URLs. */
export function terms(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !STOPWORDS.has(word))
    .map(stem);
}
