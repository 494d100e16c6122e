// Test-only preload (node --import): holds a real jcprofile process just before it renames its
// Nth profile into place, so a test can kill it or start a second build at that exact moment.
// Production code has no such hook; only a test that passes --import with this file gets it.
//   JCPROFILE_TEST_PAUSE_AT   the rename to hold before (1 = the first .mobileconfig rename)
//   JCPROFILE_TEST_PAUSE_DIR  where "paused" (holding the pid) is written and "go" is awaited
import fs from "node:fs";
import { join } from "node:path";
import { syncBuiltinESMExports } from "node:module";

const at = Number(process.env.JCPROFILE_TEST_PAUSE_AT);
const dir = process.env.JCPROFILE_TEST_PAUSE_DIR;
if (at > 0 && dir) {
  const rename = fs.renameSync;
  const nap = new Int32Array(new SharedArrayBuffer(4));
  let count = 0;
  fs.renameSync = (from, to) => {
    if (String(to).endsWith(".mobileconfig") && ++count === at) {
      fs.writeFileSync(join(dir, "paused"), String(process.pid));
      // A blocking wait, as a slow disk would block: signals queue up meanwhile.
      while (!fs.existsSync(join(dir, "go"))) Atomics.wait(nap, 0, 0, 20);
    }
    return rename(from, to);
  };
  syncBuiltinESMExports();
}
