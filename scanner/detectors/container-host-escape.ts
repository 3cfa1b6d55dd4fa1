/**
 * A container given the host, from an image on a registry of the skill's choosing: a pod, DaemonSet, compose service
 * or `docker run` that is privileged, shares the host's process or network namespace, mounts the host's root or the
 * container runtime's socket, or adds every capability, with an image that is not on a public registry. Whoever
 * publishes that image runs code as root on the machine, or on every node of the cluster. Monitoring agents and CNI
 * plugins need host access too; they come from the public registries their projects publish to.
 */
import { FIXTURE_PATH } from '../knowledge.ts';
import { runnableBlocks } from '../markdown.ts';
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/container-host-escape/rule.yaml. */
export const version = 2;

/** What gives a container the host: privilege, the host's namespaces, its root, its container runtime, every capability. */
const HOST_ACCESS =
  /\bprivileged\s*:\s*["']?true\b|--privileged\b|\bhost(?:PID|Network|IPC)\s*:\s*["']?true\b|\b(?:pid|network_mode|ipc)\s*:\s*["']?host\b|--(?:pid|net|network|ipc)[= ]host\b|\/(?:var\/)?run\/(?:docker|containerd\/containerd|crio\/crio|podman\/podman)\.sock\b|(?:^|[\s"'[-])(?:-v\s+|--volume[= ])?\/:\/[\w./-]*(?::rw)?["']?(?=\s|$|,|\])|\bpath\s*:\s*["']?\/["']?\s*$|\bcap_add\s*:[^\n]*\b(?:ALL|SYS_ADMIN)\b|^\s*-\s*(?:ALL|SYS_ADMIN)\s*$|--cap-add[= ](?:ALL|SYS_ADMIN)\b/m;

/** Registries the projects of the container world publish to; an image elsewhere is on a host its author runs. */
const PUBLIC_REGISTRY = /^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io|quay\.io|ghcr\.io|gcr\.io|[a-z0-9-]+\.gcr\.io|[a-z0-9-]+-docker\.pkg\.dev|registry\.k8s\.io|k8s\.gcr\.io|mcr\.microsoft\.com|public\.ecr\.aws|registry\.gitlab\.com|nvcr\.io|registry\.access\.redhat\.com|registry\.redhat\.io|cgr\.dev|lscr\.io|docker\.elastic\.co|docker\.n8n\.io)$/i;

/** Names on the user's own network or machine, and the private registries of the user's cloud accounts (ECR, ACR): a company registry, not a stranger's. */
const OWN_REGISTRY = /^(?:localhost|127\.0\.0\.1)(?::\d+)?$|(?:^|\.)(?:internal|intranet|corp|lan|local|home\.arpa)(?::\d+)?$|\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$|\.azurecr\.io$/i;

/** An image reference whose first part names a registry host (`registry.hub.example:5000/agent:1.2`). */
const IMAGE_REF = /(?<![\w$<{/.-])((?:[a-z0-9-]+\.)+[a-z0-9-]+(?::\d+)?|localhost(?::\d+)?)\/[a-z0-9._/-]+(?::[\w.-]+)?(?:@sha256:[a-f0-9]{64})?(?![\w/])/gi;

/** The registry hosts of the images a piece of text runs: after `image:`, or on a `docker run` / `kubectl run` line. */
function foreignImages(text: string): string[] {
  const hosts: string[] = [];
  // A command continued over lines (`docker run --privileged \\` then the image) is read as one line.
  for (const line of text.replace(/\\\r?\n\s*/g, ' ').split('\n')) {
    if (!/\bimage\s*[:=]|\b(?:docker|podman|nerdctl)\s+(?:container\s+)?(?:run|create)\b|\bkubectl\s+run\b/.test(line)) continue;
    for (const match of line.matchAll(IMAGE_REF)) {
      const host = match[1]!.toLowerCase();
      if (!PUBLIC_REGISTRY.test(host.replace(/:\d+$/, '')) && !OWN_REGISTRY.test(host)) hosts.push(match[0]);
    }
  }
  return hosts;
}

/**
 * The pieces a definition is read in: the documents of a YAML stream, and each service of a compose file on its own (one
 * service's privileges say nothing of another's image).
 */
function pieces(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let start = 0;
  const lines = text.split('\n');
  const push = (from: number, to: number) => {
    const services = lines.findIndex((line, index) => index >= from && index < to && /^services:\s*$/.test(line));
    if (services < 0) {
      out.push({ text: lines.slice(from, to).join('\n'), line: from });
      return;
    }
    const heads: number[] = [];
    for (let index = services + 1; index < to; index += 1) {
      if (/^\S/.test(lines[index]!)) break;
      if (/^ {2}[\w.-]+:\s*$/.test(lines[index]!)) heads.push(index);
    }
    heads.forEach((head, at) => out.push({ text: lines.slice(head, heads[at + 1] ?? to).join('\n'), line: head }));
  };
  for (let index = 0; index <= lines.length; index += 1) {
    if (index === lines.length || /^---\s*$/.test(lines[index]!)) {
      push(start, index);
      start = index + 1;
    }
  }
  return out;
}

/** The container-host-escape detector. */
export function detect(context: ScanContext): RawFinding[] {
  const units: { file: string; firstLine: number; text: string }[] = [];
  // A fixture or example the skill's Markdown names (`kubectl apply -f examples/agent.yaml`) is applied, not only shown.
  const named = context.files.filter((file) => file.language === 'markdown').map((file) => file.text).join('\n');
  for (const file of context.files) {
    if (file.fileClass !== 'text' || file.language === 'markdown' || (FIXTURE_PATH.test(file.path) && !named.includes(file.path))) continue;
    units.push({ file: file.path, firstLine: 1, text: file.text });
  }
  // The blocks of SKILL.md and the files it has the agent follow, unless quoted as examples.
  units.push(...runnableBlocks(context.segments));
  const findings: RawFinding[] = [];
  for (const unit of units) {
    for (const piece of pieces(unit.text)) {
      if (!HOST_ACCESS.test(piece.text)) continue;
      const images = foreignImages(piece.text);
      if (images.length === 0) continue;
      const lines = piece.text.split('\n');
      const at = lines.findIndex((line) => line.includes(images[0]!));
      const access = HOST_ACCESS.exec(piece.text)![0].trim();
      findings.push({
        ruleId: 'container-host-escape',
        file: unit.file,
        line: unit.firstLine + piece.line + Math.max(at, 0),
        evidence: `${lines[at]?.trim().slice(0, 120) ?? images[0]} (${access.slice(0, 60)})`,
      });
      break;
    }
  }
  return findings;
}
