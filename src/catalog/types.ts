export type { Domain } from "../profile/domains.js";

/** Property-list value kinds, named as Jamf's documentation names them. */
export type ValueType = "string" | "bool" | "int" | "data" | "array" | "dict";

export interface KeySpec {
  readonly type: ValueType;
  readonly description: string;
  /** Spec of every item, for `array` keys. */
  readonly items?: KeySpec;
  /** Known keys of a nested dictionary. A `dict` without `keys` accepts any contents. */
  readonly keys?: Readonly<Record<string, KeySpec>>;
  /** Allowed string values, enforced by the checker. */
  readonly values?: readonly string[];
  /**
   * Documented string values that are not enforced, because the sources disagree on their
   * spelling (HiddenMenuItems); editors still offer them.
   */
  readonly knownValues?: readonly string[];
  /** Allowed values that no source confirms the app accepts, with the reason. */
  readonly unverifiedValues?: Readonly<Record<string, string>>;
  /** The value Jamf Connect uses when the key is absent, where a source states it. */
  readonly default?: boolean | number | string;
  /**
   * Public sources of the key, one line each: a URL or `owner/repo@commit path` (constants in
   * sources.ts). Every key has at least one; array item specs, which are not keys, have none.
   */
  readonly sources?: readonly string[];
  /** First Jamf Connect version in which a source states the key exists. */
  readonly since?: string;
  /**
   * No source shows the type; `type` is jcprofile's guess. A value of another type is then a
   * warning, not an error, so a correct profile never fails on a guess.
   */
  readonly assumedType?: true;
  /** Why the key's name, type, meaning or default is not confirmed by a source. */
  readonly unverified?: string;
  /** Provider values (of this domain) the key is used with; absent = every provider. */
  readonly providers?: readonly string[];
  /** The jcprofile config field that produces the key; settings cannot set it. */
  readonly owner?: string;
}

export type KeyMap = Readonly<Record<string, KeySpec>>;

/** Catalogue checks report the shared Problem, with paths from the settings root. */
export type { Problem } from "../problem.js";
