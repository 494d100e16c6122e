/**
 * The wizard's walk: every question in order, with the live checks where the issue puts them
 * (tenant after the tenant, app after the client IDs, password after the Conditional Access
 * answers, when the scopes it must send are known).
 */
import { askQuestion, note, type Asking } from "./ask-question.js";
import type { CheckRecord, WizardChecks } from "./checks.js";
import { checkApp, checkTenant, type Live } from "./live-checks.js";
import { checkPassword } from "./password-check.js";
import type { AnswerName, Answers, QuestionContext } from "./question-types.js";
import { QUESTIONS } from "./questions.js";

export interface Walk {
  asking: Asking;
  /** Undefined: no live checks (--no-probe, or the dry pass that only lists missing flags). */
  checks: WizardChecks | undefined;
  /** Called once the environment's name is known: fills `context.current` and the defaults. */
  onEnvironment: (name: string, context: QuestionContext) => void;
  /** The authority host, once the environment is known. */
  authorityHost: () => string;
  keepDomain: boolean;
  testUser?: string;
  signal?: AbortSignal;
  /** Filled with how each live check ended. */
  log: CheckRecord[];
}

export async function walk(options: Walk): Promise<Partial<Answers>> {
  const { asking } = options;
  const attempts = { used: 0 };
  const live = (): Live | undefined =>
    options.checks === undefined
      ? undefined
      : {
          asking,
          checks: options.checks,
          // Read at each check: re-entering a tenant may change the cloud too.
          get authorityHost() {
            return options.authorityHost();
          },
          keepDomain: options.keepDomain,
          log: options.log,
          attempts,
          ...(options.testUser !== undefined && { testUser: options.testUser }),
          ...(options.signal !== undefined && { signal: options.signal }),
        };
  const after: Partial<Record<AnswerName, () => Promise<void>>> = {
    // A bad --env in the dry pass leaves no name (its default may be missing too): nothing to look up.
    env: async () => void (asking.answers.env !== undefined && options.onEnvironment(asking.answers.env, asking.context)),
    tenant: async () => {
      const checks = live();
      if (checks && asking.answers.tenant !== undefined) await checkTenant(checks);
    },
    ropgClientId: async () => {
      const checks = live();
      if (checks && asking.answers.ropgClientId !== undefined) await checkApp(checks);
    },
    scopeName: async () => {
      const checks = live();
      if (asking.answers.caChoice === "custom-scope" && asking.interactive) {
        const scope = `api://${asking.answers.apiAppId}/${asking.answers.scopeName}`;
        note(asking, `  In Entra: grant the Jamf Connect app admin consent to ${scope}, and exclude the API app from your Conditional Access policies.`);
      }
      if (checks) await checkPassword(checks);
    },
  };
  for (const question of QUESTIONS) {
    await askQuestion(question, asking);
    await after[question.name]?.();
  }
  return asking.answers;
}
