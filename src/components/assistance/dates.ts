/** A YYYY-MM-DD date as a Date at noon in Shanghai, safe to format in any zone. */
export function dayDate(value: string): Date {
  return new Date(`${value}T12:00:00+08:00`);
}

/** "3 days" / "2 hours" style parts of a waiting time, largest unit first. */
export function waitingParts(seconds: number): { days: number; hours: number } {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  return { days, hours };
}
