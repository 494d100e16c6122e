/**
 * Everything jcprofile knows about configuration profiles: the Jamf Connect domains and profile
 * kinds, wrapping preferences into a profile and unwrapping any profile back into them, and the
 * property list writer and reader (the only code that parses plist text).
 */
export { DOMAINS, MCX_PAYLOAD_TYPE, PROFILE_KINDS, PROFILE_KIND_NAMES, isDomain, kindOfDomain, type Domain, type ProfileKind } from "./domains.js";
export { PlistValueError, serializePlist, type PlistDict, type PlistValue } from "./plist-xml.js";
export { PlistReadError, readPlist, type PlistFormat } from "./plist-read.js";
export { extractCmsContent } from "./cms.js";
export { payloadUuid, wrapPreferences, type PayloadStyle, type ProfileIdentity } from "./wrap.js";
export { unwrapProfile, type OtherPayload, type PreferencePayload, type UnwrappedProfile } from "./unwrap.js";
export { ProfileReadError, profileContent, readProfile, readProfileFile, type ProfileModel, type ReadProfileOptions } from "./read-profile.js";
export { readLicense, type License, type LicenseProblem } from "./license.js";
export { guessDomain, type DomainGuess } from "./guess-domain.js";
