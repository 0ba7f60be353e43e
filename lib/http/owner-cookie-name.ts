// One httpOnly cookie per owned bin, so a browser can own many bins and scripts never see it.
export function ownerCookieName(binId: string): string {
  return `we_owner_${binId}`;
}
