/**
 * The string-literal codec: what a literal's escapes mean (§7.3, and the reference parser's
 * decimal code-point escapes), and how the printer writes a string back.
 */

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Decodes the text between a string literal's quotes: `\n \r \t \\ \"` and `\<decimal code
 * point>` (so `\0` is U+0000). Invalid escapes, already reported by the lexer, are kept as written.
 */
export function decodeString(raw: string): string {
  if (raw.indexOf('\\') < 0) return raw;
  let out = '';
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (c !== 92 || i + 1 >= n) {
      out += raw[i];
      i++;
      continue;
    }
    const e = raw.charCodeAt(i + 1);
    if (e === 110) out += '\n';
    else if (e === 114) out += '\r';
    else if (e === 116) out += '\t';
    else if (e === 92) out += '\\';
    else if (e === 34) out += '"';
    else if (isDigit(e)) {
      let j = i + 1;
      let code = 0;
      while (j < n && isDigit(raw.charCodeAt(j))) {
        if (code <= 0x10ffff) code = code * 10 + (raw.charCodeAt(j) - 48);
        j++;
      }
      out += code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? raw.slice(i, j) : String.fromCodePoint(code);
      i = j;
      continue;
    } else out += raw.slice(i, i + 2);
    i += 2;
  }
  return out;
}

/**
 * The raw text of a string literal whose decoded value is `value`: backslashes, quotes and the
 * usual control characters escaped, everything else as is (a decimal escape cannot be followed by
 * a digit, so the printer never emits one).
 */
export function escapeString(value: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    let rep: string | undefined;
    if (c === 92) rep = '\\\\';
    else if (c === 34) rep = '\\"';
    else if (c === 10) rep = '\\n';
    else if (c === 13) rep = '\\r';
    else if (c === 9) rep = '\\t';
    if (rep !== undefined) {
      out += value.slice(from, i) + rep;
      from = i + 1;
    }
  }
  return from === 0 ? value : out + value.slice(from);
}
