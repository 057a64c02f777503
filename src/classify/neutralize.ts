import { REDACTED, findPii, mayContainPii, surnames } from "../text/redact.js";

/**
 * What the classifier reads of a complaint: personal data and the redaction mark are replaced by
 * a clause break, so that neither the mark 【已隐去】 nor what it replaced (a phone number, a
 * name) can become a feature or an evidence word. A redacted text and its original therefore
 * read the same, and get the same labels, themes, 重点件 and evidence (test/classify/redaction).
 *
 * Besides what `findPii` finds, a name right before a contact (张三，13800000000 / 张三【已隐去】)
 * is dropped: in classification a dropped word costs nothing, a name read as a word may.
 */
const BREAK = "，";

let nameBeforeContact: RegExp | undefined;
function nameBeforeContactRe(): RegExp {
  if (nameBeforeContact) return nameBeforeContact;
  const contact = `(?:电话|手机|联系方式|联系电话)?(?:号码|号)?[:：]?\\s*(?:${BREAK}|${REDACTED.replace(/[【】]/g, "\\$&")})`;
  nameBeforeContact = new RegExp(`(?<=^|[，,。；;：:、\\s（(])(?:${surnames()})[\\u4e00-\\u9fa5]{1,2}(?=[，,、\\s（(]*${contact})`, "g");
  return nameBeforeContact;
}

const MARK = /【已隐去】/g;

/**
 * The text with personal data and redaction marks replaced by clause breaks. With `report`, says
 * whether {@link findPii} found personal data in `text` (if not, redacting `text` leaves it as it is).
 */
export function neutralizePii(text: string, report?: { pii: boolean }): string {
  let out = text;
  let replaced = false;
  if (report) report.pii = false;
  if (mayContainPii(out)) {
    const found = findPii(out);
    if (report) report.pii = found.length > 0;
    if (found.length) {
      let s = "";
      let at = 0;
      for (const f of found) {
        s += out.slice(at, f.start) + BREAK;
        at = f.end;
      }
      out = s + out.slice(at);
      replaced = true;
    }
  }
  if (out.includes("【已隐去】")) {
    out = out.replace(MARK, BREAK);
    replaced = true;
  }
  // a contact was there: drop the name written right before it
  if (replaced) out = out.replace(nameBeforeContactRe(), BREAK);
  return out;
}
