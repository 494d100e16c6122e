/**
 * Runs `jcprofile signin` in-process with a live stdin: when the command prints the authorize URL,
 * the test's "browser" (test/entra/browser.ts) signs in on the emulator and what the admin would
 * paste is written to stdin, optionally changed first (a forged state, a wrong address).
 */
import { PassThrough, Writable } from "node:stream";
import { run } from "../../src/cli.js";
import type { CommandIo } from "../../src/io.js";
import { signInInBrowser } from "../entra/browser.js";
import { caCertPath } from "../entra/emulator.js";
import { NO_PROXY_ENV } from "../probe/probe-cli.js";

export interface SigninRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The authorize URL the command printed. */
  authorizeUrl: string | undefined;
  /** What was pasted. */
  pasted: string | undefined;
}

export interface SigninOptions {
  cwd: string;
  user?: { upn: string; password: string };
  /** Turns what the browser ended on into what is pasted; default: the address, or the page text. */
  paste?: (end: { address?: string; page?: string }) => string | undefined;
}

export async function runSigninCli(args: readonly string[], options: SigninOptions): Promise<SigninRun> {
  const stdin = new PassThrough();
  let stdout = "";
  let stderr = "";
  let authorizeUrl: string | undefined;
  let pasted: string | undefined;
  let browsing: Promise<void> | undefined;
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        append(chunk.toString());
        done();
      },
    });
  const io: CommandIo = {
    cwd: options.cwd,
    env: { ...Object.fromEntries(Object.entries(NO_PROXY_ENV).filter(([, v]) => v !== undefined)), CI: "true", NO_COLOR: "1", NODE_EXTRA_CA_CERTS: caCertPath },
    stdin,
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => {
      stderr += text;
      const url = /^(https:\/\/\S+\/oauth2\/v2\.0\/authorize\?\S+)$/m.exec(stderr)?.[1];
      if (url !== undefined && authorizeUrl === undefined) {
        authorizeUrl = url;
        browsing = browse(url);
      }
    }),
    now: () => new Date(),
  };

  async function browse(url: string): Promise<void> {
    const end = options.user !== undefined ? await signInInBrowser(url, options.user) : {};
    pasted = (options.paste ?? ((e) => ("address" in e ? e.address : "page" in e ? e.page : undefined)))(end);
    if (pasted !== undefined) stdin.write(`${pasted}\n`);
    stdin.end();
  }

  const code = await run(["signin", ...args], io);
  await browsing;
  if (authorizeUrl === undefined) stdin.end();
  return { code, stdout, stderr, authorizeUrl, pasted };
}
