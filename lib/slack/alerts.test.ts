import { afterEach, describe, expect, it } from "vitest";
import { recordStaleAlerts } from "@/lib/queue/stale-alerts";
import { virtualClock } from "@/test/hubspot";
import { CHANNEL, startSlackTestBed, type SlackTestBed } from "@/test/slack";
import { runSlackAlerts } from "./alerts";

// Alerts on a clock the test moves (London business hours: 09:00–17:00, Monday to Friday; in
// March London is on GMT, so these UTC instants are London times).

const MONDAY_0900 = Date.parse("2026-03-02T09:00:00Z");
const FRIDAY_1345 = Date.parse("2026-03-06T13:45:00Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("alerts in #support-tickets", () => {
  let bed: SlackTestBed;
  afterEach(async () => bed?.stop());

  async function start(at: number) {
    const clock = virtualClock(at);
    bed = await startSlackTestBed({ clock, historyTickets: 0 });
    const ticket = await bed.hubspotControl.createTicket({ subject: "Instance will not start", channel: "EMAIL", contact: { email: "ops@plant.example" } });
    await bed.pull([ticket.id]);
    const at_ = async (instant: number) => {
      clock.advance(instant - clock.now());
      await recordStaleAlerts(bed.hubspot.db, new Date(clock.now()));
      return runSlackAlerts(bed.deps);
    };
    return { ticketId: ticket.id, at: at_ };
  }

  async function alerts(): Promise<string[]> {
    return (await bed.control.readChannel(CHANNEL)).messages.map((message) => message.text);
  }

  it("posts due soon, breached and stale once each, as they happen in business hours", async () => {
    const { ticketId, at } = await start(MONDAY_0900);
    // Due 13:00 (four business hours); "due soon" from 12:00 (the default: one business hour before).
    expect(await at(MONDAY_0900 + 2 * HOUR + 59 * MINUTE)).toMatchObject({ detected: 0, posted: 0 });
    expect(await at(MONDAY_0900 + 3 * HOUR + MINUTE)).toMatchObject({ detected: 1, posted: 1 });
    expect(await at(MONDAY_0900 + 3 * HOUR + 2 * MINUTE)).toMatchObject({ detected: 0, posted: 0 });
    expect(await alerts()).toEqual([`First response due soon: #${ticketId} Instance will not start`]);
    const [dueSoon] = (await bed.control.readChannel(CHANNEL)).messages;
    expect(JSON.stringify(dueSoon!.blocks)).toContain("due Mon 2 Mar, 13:00 UK time, not answered yet");

    expect(await at(MONDAY_0900 + 4 * HOUR + MINUTE)).toMatchObject({ detected: 1, posted: 1 });
    expect(await at(MONDAY_0900 + 4 * HOUR + 5 * MINUTE)).toMatchObject({ detected: 0, posted: 0 });

    // Not updated for a day: stale from Tuesday 09:00.
    expect(await at(MONDAY_0900 + 24 * HOUR + MINUTE)).toMatchObject({ detected: 1, posted: 1 });
    expect(await at(MONDAY_0900 + 25 * HOUR)).toMatchObject({ detected: 0, posted: 0 });
    expect(await alerts()).toEqual([
      `First response due soon: #${ticketId} Instance will not start`,
      `SLA breached: #${ticketId} Instance will not start`,
      `Stale ticket #${ticketId} Instance will not start`,
    ]);
    const stale = await bed.hubspot.db.staleAlert.findMany({ where: { ticketId } });
    expect(stale).toHaveLength(1);
    expect(stale[0]!.postedAt).not.toBeNull();
  });

  it("collects what is detected out of hours and posts it at the next opening, once", async () => {
    // Created Friday 13:45: due soon from 16:45, due Monday 09:45. The alerts first run after closing.
    const { ticketId, at } = await start(FRIDAY_1345);
    expect(await at(FRIDAY_1345 + 3 * HOUR + 45 * MINUTE)).toMatchObject({ detected: 1, posted: 0, waiting: 1 });
    // Stale from Saturday 13:45, over the weekend.
    expect(await at(FRIDAY_1345 + 24 * HOUR + 15 * MINUTE)).toMatchObject({ detected: 1, posted: 0, waiting: 2 });
    const mondayOpening = Date.parse("2026-03-09T09:00:00Z");
    expect(await at(mondayOpening - MINUTE)).toMatchObject({ posted: 0, waiting: 2 });
    expect(await alerts()).toEqual([]);

    expect(await at(mondayOpening)).toMatchObject({ posted: 2, waiting: 0 });
    expect(await at(mondayOpening + 5 * MINUTE)).toMatchObject({ detected: 0, posted: 0 });
    expect(await alerts()).toEqual([`First response due soon: #${ticketId} Instance will not start`, `Stale ticket #${ticketId} Instance will not start`]);
    const shown = JSON.stringify((await bed.control.readChannel(CHANNEL)).messages.map((message) => message.blocks));
    expect(shown).toContain("noticed Fri 6 Mar, 17:30 UK time, outside business hours");
    expect(shown).toContain("noticed Sat 7 Mar, 14:00 UK time, outside business hours");
  });

  it("drops an alert collected out of hours that no longer applies at the opening", async () => {
    const { ticketId, at } = await start(FRIDAY_1345);
    expect(await at(FRIDAY_1345 + 3 * HOUR + 45 * MINUTE)).toMatchObject({ waiting: 1 });
    expect(await at(Date.parse("2026-03-09T08:30:00Z"))).toMatchObject({ posted: 0, waiting: 2 });
    // Answered before the opening: both alerts are old news by then.
    await bed.hubspotControl.agentMessage(ticketId, "We are on it.");
    await bed.pull([ticketId]);
    expect(await at(Date.parse("2026-03-09T09:00:00Z"))).toMatchObject({ posted: 0, dropped: 2, waiting: 0 });
    expect(await alerts()).toEqual([]);
    const dropped = await bed.hubspot.db.slackAlert.findMany({ orderBy: { detectedAt: "asc" } });
    expect(dropped.map((alert) => [alert.kind, alert.dropReason])).toEqual([
      ["DUE_SOON", "the first response is met"],
      ["STALE", "the ticket was updated since"],
    ]);
    expect((await bed.hubspot.db.staleAlert.findFirstOrThrow({ where: { ticketId } })).postedAt).toBeNull();
  });
});
