import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../package-root.js";
import { renderSchemaJson } from "./json-schema.js";

/** `npm run schema`: regenerates schema/jcprofile.schema.json (a test fails when it is stale). */
const target = join(packageRoot(), "schema", "jcprofile.schema.json");
writeFileSync(target, renderSchemaJson());
process.stdout.write(`${target}\n`);
