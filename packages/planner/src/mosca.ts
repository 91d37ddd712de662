/**
 * Mosca's inequality (M. Mosca, IEEE Security & Privacy 16(5), 2018): data is exposed when its security shelf life
 * plus the time to migrate exceeds the time until a cryptographically relevant quantum computer (CRQC) exists.
 * The terms are named, not lettered, because secondary sources swap the letters.
 */

interface MoscaInput {
  /** Years the protected data must stay confidential. */
  readonly shelfLifeYears: number;
  /** Years the migration takes, from decision to deployed. */
  readonly migrationYears: number;
  /** Years from the reference date until a CRQC exists (the scenario). */
  readonly crqcYears: number;
}

export interface MoscaResult extends MoscaInput {
  /** shelf life + migration > time to CRQC. Equality is not exposed, but leaves no margin. */
  readonly exposed: boolean;
  /** time to CRQC − (shelf life + migration): negative when exposed, zero when there is no margin. */
  readonly slackYears: number;
  /**
   * Years from the reference date by which the new cryptography must protect all new data (time to CRQC − shelf
   * life); negative when data sent today is already exposed.
   */
  readonly protectByYears: number;
}

export function mosca(input: MoscaInput): MoscaResult {
  for (const [k, v] of Object.entries(input))
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new RangeError(`Mosca's inequality needs ${k} as a finite number ≥ 0 (got ${String(v)}).`);
  const { shelfLifeYears, migrationYears, crqcYears } = input;
  const slackYears = crqcYears - (shelfLifeYears + migrationYears);
  return { ...input, exposed: slackYears < 0, slackYears, protectByYears: crqcYears - shelfLifeYears };
}
