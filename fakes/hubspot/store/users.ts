import { ROLES, SUPPORT_TEAM, TEAM_OWNERS, type Owner } from "../data/portal-config";
import { badRequest, HubSpotError } from "../errors";
import { ID_BASE, runtimeIdStart } from "../ids";

// HubSpot users (seats) and CRM owners. Every user is also an owner, so a user provisioned
// through the API can be assigned tickets right away, as in HubSpot.

export interface User {
  id: string;
  email: string;
  firstName?: string;
  lastName?: string;
  roleIds: string[];
  primaryTeamId?: string;
  superAdmin: boolean;
  sendWelcomeEmail?: boolean;
  /** When it was provisioned through the API; absent for the seed team. */
  provisionedAt?: number;
}

export interface OwnerRecord extends Owner {
  createdAt: number;
}

export interface ProvisionRequest {
  email: string;
  firstName?: string;
  lastName?: string;
  roleId?: string;
  primaryTeamId?: string;
  sendWelcomeEmail: boolean;
}

const SEED_TIME = Date.parse("2023-03-01T10:00:00.000Z");

export class Users {
  private readonly users: User[];
  private readonly owners: OwnerRecord[];
  private nextUserId = runtimeIdStart(ID_BASE.users);

  constructor() {
    this.users = TEAM_OWNERS.map((o, i) => ({
      id: String(o.userId),
      email: o.email,
      firstName: o.firstName,
      lastName: o.lastName,
      roleIds: [i === 0 ? "100002" : "100001"],
      primaryTeamId: SUPPORT_TEAM.id,
      superAdmin: i === 0,
    }));
    this.owners = TEAM_OWNERS.map((o) => ({ ...o, createdAt: SEED_TIME }));
  }

  allUsers(): readonly User[] {
    return this.users;
  }

  provisioned(): User[] {
    return this.users.filter((u) => u.provisionedAt !== undefined);
  }

  user(id: string): User | undefined {
    return this.users.find((u) => u.id === id);
  }

  allOwners(): readonly OwnerRecord[] {
    return this.owners;
  }

  owner(id: string): OwnerRecord | undefined {
    return this.owners.find((o) => o.id === id);
  }

  ownerOfUser(userId: number): OwnerRecord | undefined {
    return this.owners.find((o) => o.userId === userId);
  }

  provision(input: unknown, now: number): User {
    const req = parseProvision(input);
    if (this.users.some((u) => u.email.toLowerCase() === req.email.toLowerCase())) {
      // Unverified: the exact status HubSpot uses for an existing email.
      throw new HubSpotError(409, "CONFLICT", `A user with email ${req.email} already exists`);
    }
    if (req.roleId !== undefined && !ROLES.some((r) => r.id === req.roleId)) throw badRequest(`Role ${req.roleId} does not exist`);
    if (req.primaryTeamId !== undefined && req.primaryTeamId !== SUPPORT_TEAM.id) throw badRequest(`Team ${req.primaryTeamId} does not exist`);
    const userId = this.nextUserId++;
    const user: User = {
      id: String(userId),
      email: req.email,
      ...(req.firstName ? { firstName: req.firstName } : {}),
      ...(req.lastName ? { lastName: req.lastName } : {}),
      roleIds: req.roleId ? [req.roleId] : [],
      ...(req.primaryTeamId ? { primaryTeamId: req.primaryTeamId } : {}),
      superAdmin: false,
      sendWelcomeEmail: req.sendWelcomeEmail,
      provisionedAt: now,
    };
    this.users.push(user);
    this.owners.push({
      id: String(userId + 300_000_000),
      userId,
      email: req.email,
      firstName: req.firstName ?? "",
      lastName: req.lastName ?? "",
      createdAt: now,
    });
    return user;
  }
}

function parseProvision(input: unknown): ProvisionRequest {
  const body = input as Record<string, unknown> | undefined;
  if (!body || typeof body !== "object") throw badRequest("Request body is required");
  const { email, firstName, lastName, roleId, primaryTeamId, sendWelcomeEmail } = body;
  if (typeof email !== "string" || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw badRequest("email must be a valid email address");
  const optionalString = (name: string, v: unknown) => {
    if (v !== undefined && typeof v !== "string") throw badRequest(`${name} must be a string`);
    return v as string | undefined;
  };
  // Required by HubSpot's schema for this endpoint.
  if (typeof sendWelcomeEmail !== "boolean") throw badRequest("sendWelcomeEmail is required and must be a boolean");
  return {
    email,
    firstName: optionalString("firstName", firstName),
    lastName: optionalString("lastName", lastName),
    roleId: optionalString("roleId", roleId),
    primaryTeamId: optionalString("primaryTeamId", primaryTeamId),
    sendWelcomeEmail,
  };
}
