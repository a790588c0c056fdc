// Which municipalities a conversation covers, and how to name them and their general contact.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Program } from "../../knowledge/schema.js";

/** The municipalities a scope covers: the one named, or every one in the knowledge. */
export function scopeMunicipalities(kb: KnowledgeBase, scope: string | null): string[] {
  return scope ? [scope] : kb.municipalities.map((m) => m.name);
}

export function scopeName(kb: KnowledgeBase, scope: string | null): string {
  return scopeMunicipalities(kb, scope).join("・");
}

/** The general contact: the city office by name (the knowledge has no phone numbers, so none is given). */
export function generalContact(kb: KnowledgeBase, scope: string | null): string {
  return scopeMunicipalities(kb, scope)
    .map((m) => `${m}役所`)
    .join("・");
}

export function programsInScope(kb: KnowledgeBase, scope: string | null): Program[] {
  return kb.programs.filter((p) => !scope || p.municipality === scope);
}
