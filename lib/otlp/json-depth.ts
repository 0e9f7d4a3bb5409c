/**
 * Nesting checks that run before recursive code sees untrusted input: JSON.parse copes with deep
 * nesting, but the recursive validation and conversion after it would exhaust the stack (a 5xx).
 */

/** True when the JSON text nests arrays/objects deeper than maxDepth. Linear, no recursion. */
export function exceedsJsonTextDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;

  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);

    if (inString) {
      if (code === 0x5c)
        index++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
      continue;
    }

    if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > maxDepth) return true;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }

  return false;
}
