/**
 * The test's stand-in for the admin's browser: opens the authorize URL on the emulator, types the
 * user's name and password into its form, and returns what the admin would copy — the address it
 * ended on (a redirect to the app's redirect URI) or the text of Microsoft's error page.
 */
import { httpsRequest } from "./https-client.js";

export type BrowserEnd = { address: string } | { page: string };

export async function signInInBrowser(authorizeUrl: string, user: { upn: string; password: string }): Promise<BrowserEnd> {
  const opened = await httpsRequest(authorizeUrl);
  if (opened.status === 302 && opened.headers["location"]) return { address: opened.headers["location"] };
  const action = /<form method="post" action="([^"]+)">/.exec(opened.text)?.[1];
  const flow = /name="flow" value="([^"]+)"/.exec(opened.text)?.[1];
  if (action === undefined || flow === undefined) return { page: pageText(opened.text) };
  const sent = await httpsRequest(new URL(action.replace(/&amp;/g, "&"), authorizeUrl).href, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ flow, login: user.upn, passwd: user.password }).toString(),
  });
  if (sent.status === 302 && sent.headers["location"]) return { address: sent.headers["location"] };
  return { page: pageText(sent.text) };
}

/** What selecting the page and copying it gives: the text without tags. */
function pageText(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/\s+/g, " ").trim();
}
