import { describe, expect, it } from "vitest";
import { renderTemplate, unknownPlaceholders } from "./template";

describe("saved reply templates", () => {
  const context = { "contact.firstName": "Jane", "ticket.subject": "Instance will not start", "company.name": null };

  it("fills the customer's name and the ticket's fields", () => {
    expect(renderTemplate("Hi {{contact.firstName}}, about “{{ ticket.subject }}”:", context)).toEqual({
      text: "Hi Jane, about “Instance will not start”:",
      missing: [],
    });
  });

  it("uses the default when a value is unknown, and reports fields with neither", () => {
    expect(renderTemplate("Hi {{contact.lastName|there}} from {{company.name}}", context)).toEqual({
      text: "Hi there from ",
      missing: ["company.name"],
    });
  });

  it("leaves unknown placeholders visible and names them for the editor", () => {
    expect(renderTemplate("{{contact.frstName}}", context).text).toBe("{{contact.frstName}}");
    expect(unknownPlaceholders("{{contact.frstName}} {{ticket.subject}} {{x|y}}")).toEqual(["contact.frstName", "x"]);
  });
});
