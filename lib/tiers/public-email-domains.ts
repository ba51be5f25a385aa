// Free and consumer mail providers: an address at one of them says nothing about the company the
// sender works for, so a domain rule never matches it and cannot be written for it.

export const PUBLIC_EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  "gmail.com", "googlemail.com",
  "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com", "live.co.uk", "msn.com",
  "yahoo.com", "yahoo.co.uk", "ymail.com", "rocketmail.com",
  "icloud.com", "me.com", "mac.com",
  "aol.com", "aim.com",
  "proton.me", "protonmail.com", "pm.me",
  "gmx.com", "gmx.de", "gmx.net", "web.de", "t-online.de",
  "mail.com", "zoho.com", "fastmail.com", "hey.com", "tutanota.com", "tuta.io",
  "yandex.com", "yandex.ru", "mail.ru",
  "qq.com", "163.com", "126.com", "naver.com",
  "btinternet.com", "sky.com", "virginmedia.com", "talktalk.net",
  "orange.fr", "free.fr", "laposte.net", "libero.it",
]);

/** True for a public mail domain or any subdomain of one (e.g. "eu.mail.com"). */
export function isPublicEmailDomain(domain: string, extra: readonly string[] = []): boolean {
  const lower = domain.toLowerCase();
  const labels = lower.split(".");
  for (let index = 0; index < labels.length - 1; index += 1) {
    const suffix = labels.slice(index).join(".");
    if (PUBLIC_EMAIL_DOMAINS.has(suffix) || extra.includes(suffix)) return true;
  }
  return false;
}
