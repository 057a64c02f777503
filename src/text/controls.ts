/**
 * Control characters and terminal escapes in untrusted text. Browser-safe (the dashboard's
 * downloads use it too).
 */

// terminal escapes: CSI (colours, cursor moves) and OSC (window titles, OSC 52 clipboard
// writes), in their 7-bit and 8-bit forms
const ESCAPES =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*(?:\u0007|\u009c)?/g;
const ANY = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// in files: every C0/C1 control but tab and line breaks
const CONTROLS_FILE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// on a terminal also carriage returns (which overwrite a line) and the bidirectional
// overrides that reorder what is shown
const CONTROLS_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Remove terminal escape sequences and control characters, keeping tabs and line breaks;
 * `terminal` also removes carriage returns and bidi overrides.
 */
export function stripControls(s: string, terminal = false): string {
  if (!ANY.test(s)) return s;
  return s.replace(ESCAPES, "").replace(terminal ? CONTROLS_TERMINAL : CONTROLS_FILE, "");
}
