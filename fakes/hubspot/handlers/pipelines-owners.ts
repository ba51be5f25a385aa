import { CONFIG_CREATED_AT, PIPELINES, SUPPORT_TEAM, type Pipeline, type PipelineStage } from "../data/portal-config";
import { badRequest, notFound } from "../errors";
import { boolParam, decodeCursor, encodeCursor, intParam } from "../params";
import { iso, objectType } from "../properties";
import { route, type HubSpotRouter, type RequestContext } from "../routes";
import type { Portal } from "../store/portal";
import type { OwnerRecord } from "../store/users";

// Ticket pipelines (configuration, fixed) and CRM owners (the team plus provisioned users).

export function pipelineAndOwnerRoutes(router: HubSpotRouter, portal: () => Portal): void {
  router
    .add("GET", "/crm/v3/pipelines/:objectType", route("read", (ctx) => {
      ticketsOnly(ctx);
      return { status: 200, body: { results: PIPELINES.map(presentPipeline) } };
    }))
    .add("GET", "/crm/v3/pipelines/:objectType/:pipelineId", route("read", (ctx) => ({ status: 200, body: presentPipeline(pipeline(ctx)) })))
    .add("GET", "/crm/v3/pipelines/:objectType/:pipelineId/stages", route("read", (ctx) => ({
      status: 200,
      body: { results: pipeline(ctx).stages.map(presentStage) },
    })))
    .add("GET", "/crm/v3/pipelines/:objectType/:pipelineId/stages/:stageId", route("read", (ctx) => {
      const stage = pipeline(ctx).stages.find((s) => s.id === ctx.params.stageId);
      if (!stage) throw notFound(`Stage ${ctx.params.stageId} does not exist`);
      return { status: 200, body: presentStage(stage) };
    }))
    .add("GET", "/crm/v3/owners", route("read", (ctx) => listOwners(portal(), ctx)))
    .add("GET", "/crm/v3/owners/:ownerId", route("read", (ctx) => {
      const users = portal().users;
      const key = ctx.query.get("idProperty") ?? "id";
      if (key !== "id" && key !== "userId") throw badRequest(`Invalid idProperty: ${key}`);
      const owner = key === "id" ? users.owner(ctx.params.ownerId!) : users.ownerOfUser(Number(ctx.params.ownerId));
      if (!owner) throw notFound();
      return { status: 200, body: presentOwner(owner) };
    }));
}

function ticketsOnly(ctx: RequestContext): void {
  if (objectType(ctx.params.objectType!) !== "tickets") throw badRequest(`The simulator has no pipelines for ${ctx.params.objectType}`);
}

function pipeline(ctx: RequestContext): Pipeline {
  ticketsOnly(ctx);
  const found = PIPELINES.find((p) => p.id === ctx.params.pipelineId);
  if (!found) throw notFound(`Pipeline ${ctx.params.pipelineId} does not exist`);
  return found;
}

function presentPipeline(p: Pipeline) {
  return {
    id: p.id,
    label: p.label,
    displayOrder: p.displayOrder,
    archived: false,
    createdAt: CONFIG_CREATED_AT,
    updatedAt: CONFIG_CREATED_AT,
    stages: p.stages.map(presentStage),
  };
}

function presentStage(s: PipelineStage) {
  return {
    id: s.id,
    label: s.label,
    displayOrder: s.displayOrder,
    archived: false,
    createdAt: CONFIG_CREATED_AT,
    updatedAt: CONFIG_CREATED_AT,
    metadata: { ticketState: s.ticketState },
    writePermissions: "CRM_PERMISSIONS_ENFORCEMENT",
  };
}

function listOwners(portal: Portal, ctx: RequestContext) {
  const limit = intParam(ctx.query, "limit", 100, 500);
  const offset = decodeCursor(ctx.query.get("after"));
  const email = ctx.query.get("email")?.toLowerCase();
  // Archived owners do not exist here; asking for them gives an empty page, as it would in a tidy portal.
  const all = boolParam(ctx.query, "archived") ? [] : portal.users.allOwners().filter((o) => !email || o.email.toLowerCase() === email);
  const page = all.slice(offset, offset + limit);
  const body: Record<string, unknown> = { results: page.map(presentOwner) };
  if (offset + limit < all.length) body.paging = { next: { after: encodeCursor(offset + limit) } };
  return { status: 200, body };
}

function presentOwner(o: OwnerRecord) {
  return {
    id: o.id,
    email: o.email,
    firstName: o.firstName,
    lastName: o.lastName,
    userId: o.userId,
    userIdIncludingInactive: o.userId,
    type: "PERSON",
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.createdAt),
    archived: false,
    teams: [{ id: SUPPORT_TEAM.id, name: SUPPORT_TEAM.name, primary: true }],
  };
}
