import { describe, expect, it } from "vitest";
import { hubspotTicketUrl, hubspotTicketUrlBase } from "./links";

describe("links into HubSpot", () => {
  it("goes to the account's record page, the simulator's record in the demo, or nowhere", () => {
    const real = hubspotTicketUrlBase({ HUBSPOT_PORTAL_ID: "24681357", HUBSPOT_SIMULATOR: false, HUBSPOT_BASE_URL: "https://api.hubapi.com" });
    expect(hubspotTicketUrl(real, "4200000123")).toBe("https://app.hubspot.com/contacts/24681357/record/0-5/4200000123");
    const demo = hubspotTicketUrlBase({ HUBSPOT_PORTAL_ID: undefined, HUBSPOT_SIMULATOR: true, HUBSPOT_BASE_URL: "http://127.0.0.1:3002" });
    expect(hubspotTicketUrl(demo, "42")).toBe("http://127.0.0.1:3002/_control/tickets/42");
    expect(hubspotTicketUrl(hubspotTicketUrlBase({ HUBSPOT_PORTAL_ID: undefined, HUBSPOT_SIMULATOR: false, HUBSPOT_BASE_URL: "https://api.hubapi.com" }), "42")).toBeNull();
  });
});
