import type { AnyNode } from 'domhandler';

const TEXT_NODE = 3;
const INVISIBLE = new Set(['script', 'style']);

/**
 * The visible text of nodes with their pieces separated by single spaces, so "09/12/2025<br><span>12:24 pm</span>"
 * reads "09/12/2025 12:24 pm" instead of running the two together. Non-breaking spaces count as spaces.
 */
export function cellText(nodes: readonly AnyNode[]): string {
  const pieces: string[] = [];
  const visit = (node: AnyNode): void => {
    if (node.nodeType === TEXT_NODE && 'data' in node) pieces.push(node.data);
    else if ('children' in node && !('name' in node && INVISIBLE.has(node.name))) node.children.forEach(visit);
  };
  nodes.forEach(visit);
  return pieces.join(' ').replace(/\s+/g, ' ').trim();
}
