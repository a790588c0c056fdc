// Which municipality a department belongs to, from the programs that name it: staff write 子育て支援課,
// and in a knowledge base of several cities the answer must be filed under the right one (it is then
// searched in that city's scope). Undefined when no program or several cities name the department.
import type { KnowledgeBase } from "../knowledge-base.js";

export function municipalityOfDepartment(kb: KnowledgeBase, department: string | undefined): string | undefined {
  if (kb.municipalities.length === 1) return kb.municipalities[0]!.name;
  const d = department?.normalize("NFKC").replace(/\s+/g, "");
  if (!d) return undefined;
  const cities = new Set<string>();
  for (const p of kb.programs) {
    const names = Array.isArray(p.department) ? p.department : [p.department];
    if (names.some((n) => n.normalize("NFKC").replace(/\s+/g, "") === d)) cities.add(p.municipality);
  }
  return cities.size === 1 ? [...cities][0] : undefined;
}
