import { ExitCode, type ExitCodeValue } from "../errors.js";
import type { AnswerFlags } from "../wizard/ask-question.js";
import type { Prompter } from "../wizard/prompter.js";
import { runInit } from "../wizard/run-init.js";
import type { CommandIo } from "../io.js";
import { createOutput } from "../output.js";

/** Flags as commander hands them over (`--no-x` pairs are undefined when neither is given). */
export interface InitCommandFlags {
  config?: string;
  env?: string;
  tenant?: string;
  keepDomain?: boolean;
  clientId?: string;
  ropgClientId?: string;
  redirectUri?: string;
  caMode?: string;
  apiAppId?: string;
  scopeName?: string;
  adminRole?: string[];
  newPassword?: boolean;
  passthrough?: boolean;
  createJamfConnectPassword?: boolean;
  denyLocal?: boolean;
  migrate?: boolean;
  license?: string | false;
  organization?: string;
  identifier?: string;
  payloadStyle?: string;
  authorityHost?: string;
  testUser?: string;
  probe?: boolean;
  yes?: boolean;
}

function answerFlags(flags: InitCommandFlags): AnswerFlags {
  const answers: AnswerFlags = {
    env: flags.env,
    tenant: flags.tenant,
    clientId: flags.clientId,
    ropgClientId: flags.ropgClientId,
    redirectUri: flags.redirectUri,
    caChoice: flags.caMode,
    apiAppId: flags.apiAppId,
    scopeName: flags.scopeName,
    adminRoles: flags.adminRole,
    newPassword: flags.newPassword,
    passthrough: flags.passthrough,
    createJamfConnectPassword: flags.createJamfConnectPassword,
    denyLocal: flags.denyLocal,
    migrate: flags.migrate,
    license: flags.license,
    organization: flags.organization,
    identifier: flags.identifier,
    payloadStyle: flags.payloadStyle,
  };
  return Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined)) as AnswerFlags;
}

export async function initCommand(flags: InitCommandFlags, io: CommandIo): Promise<ExitCodeValue> {
  // Prompts need a keyboard (stdin) and somewhere to draw (stderr; stdout carries the written paths).
  const isTTY = Boolean(io.stdin.isTTY) && Boolean(io.stderr.isTTY);
  // Ctrl-C while a live check runs arrives as SIGINT (no prompt has the keyboard in raw mode then).
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.on("SIGINT", onSigint);
  try {
    let prompter: Prompter | undefined;
    if (isTTY) {
      const { createPrompter } = await import("../wizard/ask.js");
      prompter = createPrompter({ input: io.stdin as NodeJS.ReadStream, output: io.stderr as NodeJS.WriteStream, signal: controller.signal });
    }
    await runInit({
      cwd: io.cwd,
      flags: {
        ...(flags.config !== undefined && { config: flags.config }),
        answers: answerFlags(flags),
        ...(flags.authorityHost !== undefined && { authorityHost: flags.authorityHost }),
        keepDomain: flags.keepDomain === true,
        ...(flags.testUser !== undefined && { testUser: flags.testUser }),
        probe: flags.probe !== false,
        yes: flags.yes === true,
      },
      isTTY,
      ...(prompter !== undefined && { prompter }),
      checks: async () => (await import("../wizard/probe-checks.js")).createProbeChecks({ env: io.env }),
      ui: createOutput(io),
      signal: controller.signal,
    });
    return ExitCode.ok;
  } finally {
    process.off("SIGINT", onSigint);
  }
}
