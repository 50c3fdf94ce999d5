// The new text of an e-mail reply: quoted lines (">") go, and so does everything from the line that introduces
// the quoted history on ("On … wrote:", "Op … schreef …:", "Le … a écrit :", "-----Original Message-----",
// an Outlook header block "Van:" / "From:" / "De :").
const HISTORY_STARTS = [
  /^on\b.+\bwrote:\s*$/i,
  /^op\b.+\bschreef\b.*:\s*$/i,
  /^le\b.+\ba écrit\s*:\s*$/i,
  /^-{2,}\s*(original message|oorspronkelijk bericht|message d'origine)\s*-{2,}/i,
  /^(van|from|de)\s?:\s*\S/i,
];

function startsHistory(line: string, next: string | undefined): boolean {
  const text = line.trim();
  if (HISTORY_STARTS.some((pattern) => pattern.test(text))) return true;
  // Mail programs wrap a long "On … wrote:" line in two.
  return (
    next !== undefined &&
    /^(on|op|le)\b/i.test(text) &&
    HISTORY_STARTS.slice(0, 3).some((p) => p.test(`${text} ${next.trim()}`))
  );
}

export function withoutQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (startsHistory(lines[i], lines[i + 1])) break;
    if (/^\s*>/.test(lines[i])) continue;
    kept.push(lines[i].trimEnd());
  }
  return kept.join('\n').trim();
}
