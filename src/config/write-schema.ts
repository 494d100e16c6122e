import { writeFileSync } from "node:fs";
import { renderSchemaJson } from "./json-schema.js";

/** `npm run schema`: regenerates schema/jcprofile.schema.json (a test fails when it is stale). */
const target = new URL("../../schema/jcprofile.schema.json", import.meta.url);
writeFileSync(target, renderSchemaJson());
process.stdout.write(`${target.pathname}\n`);
