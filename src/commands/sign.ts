/** `jcprofile sign`: flags → identity source → runSign → written paths. The work is in src/sign. */
import { UserError, type ExitCodeValue } from "../errors.js";
import type { CommandIo } from "../io.js";
import { createOutput } from "../output.js";
import { exitCodeFor } from "../problem.js";
import type { IdentitySource } from "../signing/identity.js";
import { runSign } from "../sign/run-sign.js";
import { SIGNING_PASSWORD_ENV, signingPasswordReader } from "./sign-password.js";

export interface SignFlags {
  config?: string;
  env?: string[];
  identity?: string;
  cert?: string;
  key?: string;
  chain?: string;
  out?: string;
  passwordStdin?: boolean;
  /** Declared only to refuse it; its value is never read or shown. */
  password?: unknown;
}

export async function signCommand(flags: SignFlags, io: CommandIo): Promise<ExitCodeValue> {
  const output = createOutput(io);
  const result = await runSign({
    cwd: io.cwd,
    ...(flags.config !== undefined && { config: flags.config }),
    ...(flags.env !== undefined && { envs: flags.env }),
    ...(flags.out !== undefined && { out: flags.out }),
    identity: identitySource(flags),
    readPassword: signingPasswordReader(io, flags.passwordStdin ?? false),
    now: io.now(),
  });
  for (const warning of result.warnings) output.warn(warning);
  for (const file of result.files) output.data(file);
  return exitCodeFor([]);
}

function identitySource(flags: SignFlags): IdentitySource {
  if (flags.password !== undefined) {
    throw new UserError(
      `--password is refused: a password in the command line is kept in shell history and shown in the process list — use --password-stdin or ${SIGNING_PASSWORD_ENV}, or leave both out to be asked at a terminal`,
    );
  }
  const chain = flags.chain !== undefined ? { chain: flags.chain } : {};
  if (flags.identity !== undefined) {
    if (flags.cert !== undefined || flags.key !== undefined) throw new UserError("--identity cannot be combined with --cert/--key — pass either a .p12 with --identity, or a PEM certificate and key");
    return { kind: "pkcs12", identity: flags.identity, ...chain };
  }
  if (flags.cert !== undefined && flags.key !== undefined) return { kind: "pem", cert: flags.cert, key: flags.key, ...chain };
  if (flags.cert !== undefined || flags.key !== undefined) throw new UserError(`${flags.cert !== undefined ? "--cert needs --key" : "--key needs --cert"} — pass the PEM certificate and its PEM private key together`);
  throw new UserError("sign needs a signing identity — pass --identity FILE.p12, or --cert CERT.pem --key KEY.pem");
}
