import { describe, expect, it } from "vitest";
import { emailDomain, isAllowedEmail, isConfiguredAdmin } from "./access";

describe("sign-in policy", () => {
  const allowed = ["flowforge.com", "flowfuse.com"];

  it("lets in only exact allowed domains", () => {
    expect(isAllowedEmail("ada@flowforge.com", allowed)).toBe(true);
    expect(isAllowedEmail("Ada@FlowForge.COM", allowed)).toBe(true);
    expect(isAllowedEmail("eve@example.com", allowed)).toBe(false);
    expect(isAllowedEmail("eve@evil-flowforge.com", allowed)).toBe(false);
    expect(isAllowedEmail("eve@flowforge.com.evil.io", allowed)).toBe(false);
    expect(isAllowedEmail("eve@sub.flowforge.com", allowed)).toBe(false);
    expect(isAllowedEmail("flowforge.com", allowed)).toBe(false);
  });

  it("takes the domain after the last @", () => {
    expect(emailDomain('"a@flowforge.com"@example.com')).toBe("example.com");
  });

  it("recognises configured admins case-insensitively", () => {
    expect(isConfiguredAdmin("ADA@flowforge.com", ["ada@flowforge.com"])).toBe(true);
    expect(isConfiguredAdmin("max@flowforge.com", ["ada@flowforge.com"])).toBe(false);
  });
});
