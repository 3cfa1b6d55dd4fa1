/** The MCP server of `skill-registry mcp`: the registry client's search, info, verify and install as MCP tools. */
export { createMcpServer, type McpServerOptions } from './server.ts';
export { StdioSessionTransport } from './transport.ts';
export { InstallConfirmations, CONFIRMATION_TTL_MS, MAX_PENDING_CONFIRMATIONS, type PendingInstall, type TakenConfirmation } from './confirmations.ts';
