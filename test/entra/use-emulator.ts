/**
 * The hooks of a test file that shares one Entra emulator: started once on the Contoso world,
 * closed at the end, and before each test reset (requests, lockout counters, failure mode) with a
 * fresh Contoso world, so a test may change the world without leaking into the next one.
 *
 *   let emu: EntraEmulator;
 *   useContosoEmulator((started) => (emu = started));
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { contosoWorld, startEntraEmulator, type EntraEmulator } from "./emulator.js";

export function useContosoEmulator(onStarted: (emulator: EntraEmulator) => void): void {
  let emulator: EntraEmulator;
  beforeAll(async () => {
    emulator = await startEntraEmulator(contosoWorld());
    onStarted(emulator);
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    emulator.world = contosoWorld();
  });
}
