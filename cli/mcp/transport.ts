/**
 * The stdio transport of `skill-registry mcp`, which ends the session when the client closes its end
 * of standard input (the SDK's transport does not notice), but only once every request it had read
 * has been answered: a client that writes its calls and then closes still gets every answer.
 */
import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { isJSONRPCErrorResponse, isJSONRPCRequest, isJSONRPCResultResponse, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** Stdio, closing itself once its input ended and nothing read is left unanswered. */
export class StdioSessionTransport extends StdioServerTransport {
  readonly #unanswered = new Set<string | number>();
  #inputEnded = false;

  constructor(input: Readable = process.stdin, output: Writable = process.stdout) {
    super(input, output);
    // The server chains its own handler after this one (Protocol.connect keeps a handler set before it).
    this.onmessage = (message) => {
      if (isJSONRPCRequest(message)) this.#unanswered.add(message.id);
    };
    input.once('end', () => {
      this.#inputEnded = true;
      this.#closeWhenAnswered();
    });
  }

  override async send(message: JSONRPCMessage): Promise<void> {
    await super.send(message);
    if (isJSONRPCResultResponse(message) || isJSONRPCErrorResponse(message)) {
      if (message.id !== undefined) this.#unanswered.delete(message.id);
      this.#closeWhenAnswered();
    }
  }

  #closeWhenAnswered(): void {
    if (this.#inputEnded && this.#unanswered.size === 0) void this.close();
  }
}
