// The HubSpot properties the dashboard keeps. Everything listed is stored in the record's
// `properties` JSON; the ones the dashboard filters or sorts on also get a typed column.

export const TICKET_PROPERTIES = [
  "subject",
  "content",
  "hs_pipeline",
  "hs_pipeline_stage",
  "hs_ticket_priority",
  "hs_ticket_category",
  "source_type",
  "hs_object_source",
  "createdate",
  "hs_lastmodifieddate",
  "closed_date",
  "hubspot_owner_id",
  "hubspot_owner_assigneddate",
  "hs_conversations_originating_thread_id",
  "hs_first_agent_message_sent_at",
  "hs_last_message_received_at",
  "hs_last_message_sent_at",
  "hs_time_to_first_response_sla_at",
  "hs_time_to_first_response_sla_status",
  "hs_merged_object_ids",
  "notes_last_updated",
  "hs_object_id",
] as const;

export const CONTACT_PROPERTIES = ["email", "firstname", "lastname", "company", "jobtitle", "createdate", "lastmodifieddate", "hs_object_id"] as const;

/** `support_tier` is FlowForge's own company property (routing reads it). */
export const COMPANY_PROPERTIES = ["name", "domain", "support_tier", "industry", "country", "createdate", "hs_lastmodifieddate", "hs_object_id"] as const;

/** The property each object type's last change is recorded in (contacts differ from the rest). */
export const MODIFIED_PROPERTY = { tickets: "hs_lastmodifieddate", contacts: "lastmodifieddate", companies: "hs_lastmodifieddate" } as const;

export const PROPERTIES = { tickets: TICKET_PROPERTIES, contacts: CONTACT_PROPERTIES, companies: COMPANY_PROPERTIES } as const;

/** Association type ids (v4): ticket → company "Primary". */
export const PRIMARY_TICKET_TO_COMPANY = 26;
