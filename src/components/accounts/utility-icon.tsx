/**
 * A water drop or a lightning bolt in a tinted circle (globals.css `.utility-icon`); decorative,
 * the utility's name is always written beside it.
 */
export function UtilityIcon({ utility }: { utility: 'water' | 'electricity' }) {
  return <span aria-hidden="true" className={`utility-icon utility-icon-${utility}`} />;
}
