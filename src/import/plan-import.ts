import { IDENTIFIER_PATTERN } from "../config/schema.js";
import { newConfigText, schemaReference } from "../project/write-config.js";
import { UserError } from "../errors.js";
import { packageRoot, packageVersion } from "../package-root.js";
import { spliceEnvironment, type ChangePlan, type ExistingConfig } from "../project/config-edit.js";
import { suggestIdentifier } from "../project/identifier.js";

/** A UUID-looking label: Jamf Pro and Jamf Connect Configuration put them in identifiers. */
const UUID_LABEL = /(^|\.)[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}($|\.)/;

export interface PlanInput {
  options: { env: string; organization?: string; identifier?: string };
  source: { path: string; displayPath: string };
  configDir: string;
  existing: ExistingConfig | undefined;
  /** The environment as the config has it now (its own fields, not defaults'). */
  before: Record<string, unknown> | undefined;
  environment: Record<string, unknown>;
  top: { organization?: string; identifier?: string } | undefined;
  tenant: string | undefined;
}

/** The new config text, as init writes it: a new file with $schema, or one environment spliced in. */
export function planImport(input: PlanInput): ChangePlan {
  const { options, existing, environment, top } = input;
  const env = options.env;
  if (existing === undefined) {
    const organization = options.organization ?? top?.organization;
    if (organization === undefined || organization.trim() === "") {
      throw new UserError(`${input.source.displayPath} does not exist yet and the source has no PayloadOrganization — pass --organization "Your Org" to create it`);
    }
    const fromSource = top?.identifier !== undefined && IDENTIFIER_PATTERN.test(top.identifier) && !UUID_LABEL.test(top.identifier) ? top.identifier : undefined;
    const identifier = options.identifier ?? fromSource ?? suggestIdentifier(input.tenant, organization);
    if (identifier === undefined) throw new UserError("no profile identifier could be derived — pass --identifier com.example.jamfconnect");
    const schema = schemaReference(input.configDir, packageRoot(), packageVersion());
    const text = newConfigText({ $schema: schema, organization, identifier, environments: { [env]: environment } });
    return {
      env, text, changed: true, newFile: true, before: undefined, after: environment, warnings: [],
      topChanges: [{ key: "organization", before: undefined, after: organization }, { key: "identifier", before: undefined, after: identifier }],
    };
  }
  const { before } = input;
  const { text, topChanges } = spliceEnvironment(existing, env, environment, options);
  return { env, text, changed: text !== existing.text, newFile: false, before, after: environment, topChanges, warnings: [] };
}

