/**
 * `template %% map`: every `${key}` in the template whose key is in the map is replaced by the
 * value's text (strings and URIs as they are, integers in decimal, booleans as `true`/`false`).
 * Replacements are not scanned again, and a `${name}` with no such key stays as written. Where
 * keys overlap (`${a}` and `${a}b}`), the first key in canonical order that matches wins, as in
 * the reference.
 */

import { type EMap, GString, type Term } from '../term/index.js';
import { valueError } from './value.js';

export function interpolate(template: Term, map: Term): Term {
  if (template.kind !== 'String') throw valueError('TypeMismatch', '%%', template, '`%%` needs a String on the left');
  if (map.kind !== 'Map') throw valueError('TypeMismatch', '%%', map, '`%%` needs a Map on the right');
  const s = template.value;
  if (s.indexOf('${') < 0) return template;
  const pairs = replacements(map);
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (s.charCodeAt(i) === 0x24 && s.charCodeAt(i + 1) === 0x7b) {
      const hit = pairs.find(([k]) => s.startsWith(k, i));
      if (hit !== undefined) {
        out += hit[1];
        i += hit[0].length;
        continue;
      }
    }
    out += s[i];
    i++;
  }
  return new GString(out);
}

/** `[${key}, text]` for every entry, in the map's canonical order. */
function replacements(map: EMap): [string, string][] {
  return map.keys.map((k, i) => {
    if (k.kind !== 'String')
      throw valueError('TypeMismatch', '%%', k, 'the keys of an interpolation map must be Strings');
    const v = map.values[i];
    let text: string;
    switch (v.kind) {
      case 'String':
      case 'Uri':
        text = v.value;
        break;
      case 'Int':
        text = v.value.toString();
        break;
      case 'Bool':
        text = v.value ? 'true' : 'false';
        break;
      default:
        throw valueError('TypeMismatch', '%%', v, 'interpolation supports String, Int, Bool and Uri values');
    }
    return [`\${${k.value}}`, text];
  });
}
