import type { Cloud, EnvironmentInput, PayloadStyle } from "../config/schema.js";
import type { Validator } from "./validators.js";

// The shapes of the wizard's answers and questions; the questions themselves are in questions.ts.

/** How password checks meet MFA; the first two write the same config (no scope keys). */
export type CaChoice = "per-user-mfa" | "all-cloud-apps" | "custom-scope";

/** A question that does not apply (e.g. the API app without the custom scope) leaves its answer out. */
export interface Answers {
  env: string;
  cloud: Cloud;
  tenant: string;
  clientId: string;
  ropgClientId: string;
  redirectUri: string;
  caChoice: CaChoice;
  apiAppId?: string;
  scopeName?: string;
  adminRoles: string[];
  newPassword: boolean;
  passthrough?: boolean;
  createJamfConnectPassword?: boolean;
  denyLocal: boolean;
  /** DenyLocalExcluded: local accounts that may still sign in locally (break-glass); only with DenyLocal. */
  denyLocalExcluded?: string[];
  migrate?: boolean;
  /** Privilege elevation in Self Service+ (TemporaryUserPermissions); off unless chosen. */
  elevation: boolean;
  /** The app-role value whose holders may ask for admin rights; "" = every user may. */
  elevationRole?: string;
  /** Minutes a promotion lasts, as typed (UserPromotionDuration). */
  elevationMinutes?: string;
  /** As typed, relative to the working folder; "" = no license in the profiles. */
  license: string;
  /** Asked on the first run only (or given by flag). */
  organization?: string;
  identifier?: string;
  payloadStyle: PayloadStyle;
  /** Where `jcprofile upload` sends the profiles; "" = no upload settings written. */
  jamfProUrl: string;
}

export type AnswerName = keyof Answers;

export interface QuestionContext {
  cwd: string;
  /** No config file yet: organization and identifier are asked. */
  firstRun: boolean;
  /** The environment as it is now (`defaults` merged in), when it exists: its values are the defaults. */
  current: EnvironmentInput;
  /** The license default, relative to `cwd`. */
  license?: string;
  /** The tenant as a domain, kept when the GUID replaces it (for the identifier default). */
  tenantDomain?: string;
  /** The environments the config has now, in order. */
  environments: readonly string[];
  /** The cloud the other environments use, when they agree: a new environment starts there. */
  siblingCloud?: Cloud;
  /** --authority-host: it names the host itself, so the cloud is not asked. */
  authorityHost?: string;
}

/** How the question's flag is declared: init's flags come from this table and nowhere else. */
export interface FlagDeclaration {
  /** The value's placeholder, e.g. `<guid>`; none for a yes/no flag. */
  value?: string;
  description: string;
  /** A yes/no question also gets `--no-<flag>`, described by this. */
  negate?: string;
  /** The flag may be given more than once. */
  repeat?: boolean;
}

interface Base<K extends AnswerName> {
  name: K;
  /** As typed on the command line, e.g. `--client-id`. */
  flag: string;
  option: FlagDeclaration;
  message: string;
  /** One line shown above the prompt. */
  help?: string;
  /** Asked only when this holds; otherwise its flag is refused with `notApplicable`. */
  applies?: (answers: Partial<Answers>, context: QuestionContext) => boolean;
  notApplicable?: string;
  /** When not asked (and its flag not given), take the default without a word. */
  defaultWhenSkipped?: boolean;
  default: (answers: Partial<Answers>, context: QuestionContext) => Answers[K] | undefined;
}

export interface TextQuestion<K extends AnswerName = AnswerName> extends Base<K> {
  kind: "text";
  validate: (context: QuestionContext) => Validator;
  /** Turns what was pasted into the value to store (an authority URL into its tenant). */
  normalise?: (text: string) => string;
}
export interface ListQuestion extends Base<"adminRoles" | "denyLocalExcluded"> {
  kind: "list";
  validate: (values: readonly string[]) => true | string;
}
export interface ConfirmQuestion<K extends AnswerName = AnswerName> extends Base<K> {
  kind: "confirm";
}
export interface SelectQuestion<K extends AnswerName = AnswerName> extends Base<K> {
  kind: "select";
  choices: readonly { value: string; name: string; description: string }[];
  /** Other spellings a flag may use. */
  aliases?: Readonly<Record<string, string>>;
}
export type Question = TextQuestion | ListQuestion | ConfirmQuestion | SelectQuestion;
