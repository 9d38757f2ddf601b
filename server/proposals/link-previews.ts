import 'server-only';

// Link expanders of chat apps, mail scanners and scripted fetchers. Most never run the page's
// script at all; these name themselves and sometimes do.
const previewAgent =
  /(?<!cu)bot\b|bot\/|crawler|spider|preview|facebookexternalhit|slack|whatsapp\/|telegrambot|discord|embedly|iframely|headlesschrome|proofpoint|mimecast|barracuda|curl\/|wget\/|python-|go-http-client|okhttp/i;

/** Whether a user agent is a link preview or scanner rather than a person's browser. */
export function isLinkPreviewAgent(userAgent: string | null) {
  return !userAgent || previewAgent.test(userAgent);
}
