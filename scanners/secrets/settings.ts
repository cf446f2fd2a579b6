/** The `secrets:` section of .palisade.yml, as the engine uses it (plain data: it crosses to workers). */
export interface SecretSettings {
  /** False turns every secret rule off. */
  enabled: boolean;
  /** Detector ids that never report (for example `generic-high-entropy-hex`). */
  disable: string[];
  /** Minimum Shannon entropy (bits per character) for the generic high-entropy detectors. */
  entropy: { base64: number; hex: number };
}

export const DEFAULT_SECRET_SETTINGS: SecretSettings = Object.freeze({
  enabled: true,
  disable: [],
  entropy: Object.freeze({ base64: 4.2, hex: 3.2 }),
}) as SecretSettings;
