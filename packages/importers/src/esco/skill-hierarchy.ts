// The skill pillar's hierarchy as both importers read it (ESCO broaderRelationsSkillPillar,
// Tabiya skill_hierarchy): group -> parent group, skill -> group, skill -> broader skill.
// It decides each skill's group, the `broader` relations and which skills are languages.
import type { Competency, CompetencyGroup, Relation } from '@bridgework/core';
import { broaderSkill } from './ratings.ts';

/** ESCO's "language skills and knowledge" group (code L), parent of "languages" and "classical languages". */
export const LANGUAGE_GROUP_CODE = 'L';

export class SkillHierarchy {
  private readonly groupParents = new Map<string, string>();
  private readonly skillGroups = new Map<string, string[]>();
  private readonly broaderSkills = new Map<string, string[]>();
  private readonly languageMemo = new Map<string, boolean>();
  /** Group -> parent links beyond the first, which the core model (one parent) cannot hold. */
  extraGroupParents = 0;
  /** Skills listed in more than one group: the first listed wins. */
  extraSkillGroups = 0;
  /** Skills with neither a group nor a broader skill, counted by apply(). */
  unplacedSkills = 0;

  addGroupParent(group: string, parent: string): void {
    const current = this.groupParents.get(group);
    if (current === undefined) this.groupParents.set(group, parent);
    else if (current !== parent) this.extraGroupParents++;
  }

  addSkillGroup(skill: string, group: string): void {
    const groups = this.skillGroups.get(skill);
    if (groups === undefined) this.skillGroups.set(skill, [group]);
    else if (!groups.includes(group)) {
      groups.push(group);
      this.extraSkillGroups++;
    }
  }

  addBroaderSkill(skill: string, broader: string): void {
    const list = this.broaderSkills.get(skill);
    if (list === undefined) this.broaderSkills.set(skill, [broader]);
    else if (!list.includes(broader)) list.push(broader);
  }

  /**
   * Sets each group's parent, each skill's group, and the `language` kind on language skills.
   * Language groups are those coded L (ESCO's "language skills and knowledge").
   */
  apply(groups: readonly CompetencyGroup[], skills: readonly Competency[], groupCodes: ReadonlyMap<string, string>): void {
    for (const group of groups) {
      const parent = this.groupParents.get(group.id);
      if (parent !== undefined) group.parent = parent;
    }
    const languageGroups = new Set<string>();
    for (const [id, code] of groupCodes) if (code === LANGUAGE_GROUP_CODE) languageGroups.add(id);
    this.unplacedSkills = 0;
    for (const skill of skills) {
      const group = this.groupOf(skill.id);
      if (group !== undefined) skill.group = group;
      else if (!this.broaderSkills.has(skill.id)) this.unplacedSkills++;
      if (skill.kind !== 'language' && this.isLanguage(skill.id, languageGroups)) skill.kind = 'language';
    }
  }

  /** Warnings about skills the hierarchy leaves out and links the core model cannot hold; after apply(). */
  warnings(file: string): string[] {
    const warnings: string[] = [];
    if (this.unplacedSkills > 0) {
      const n = this.unplacedSkills;
      warnings.push(`${file}: ${n} skill${n === 1 ? ' has' : 's have'} neither a group nor a broader skill: no group, and a language skill among them is not recognised as one`);
    }
    if (this.extraSkillGroups > 0) {
      warnings.push(`${file}: ${this.extraSkillGroups} skill-to-group link${this.extraSkillGroups === 1 ? '' : 's'} beyond a skill's first group not kept (a competency has one group)`);
    }
    if (this.extraGroupParents > 0) {
      warnings.push(`${file}: ${this.extraGroupParents} group-to-parent link${this.extraGroupParents === 1 ? '' : 's'} beyond a group's first parent not kept (a group has one parent)`);
    }
    return warnings;
  }

  /**
   * The group a skill sits in: the first one the source lists (ESCO 1.1.1 puts about 70
   * skills, mostly languages, in a second group). A skill whose broader
   * concept is another skill has no group of its own in ESCO; it keeps none here and reaches
   * the hierarchy through its `broader` relation.
   */
  private groupOf(skill: string): string | undefined {
    return this.skillGroups.get(skill)?.[0];
  }

  /** `broader` relations, narrower -> broader, in the order they were read. */
  broaderRelations(): Relation[] {
    const relations: Relation[] = [];
    for (const [skill, broaders] of this.broaderSkills) {
      for (const broader of broaders) relations.push(broaderSkill(skill, broader));
    }
    return relations;
  }

  /**
   * A language skill: one of its groups lies under the language group, or, having no group,
   * one of its broader skills is a language skill ("write Latin" under "Latin"). Skills that
   * have a group of their own are judged by it alone: ESCO lists "Chinese" as a broader concept
   * of "traditional Chinese medicine", which is not a language. Memoised: O(depth) per skill.
   */
  isLanguage(skill: string, languageGroups: ReadonlySet<string>): boolean {
    const known = this.languageMemo.get(skill);
    if (known !== undefined) return known;
    this.languageMemo.set(skill, false); // guards against cycles of broader skills
    const groups = this.skillGroups.get(skill);
    const result =
      groups !== undefined
        ? groups.some((group) => this.isUnder(group, languageGroups))
        : (this.broaderSkills.get(skill) ?? []).some((broader) => this.isLanguage(broader, languageGroups));
    this.languageMemo.set(skill, result);
    return result;
  }

  private isUnder(group: string, ancestors: ReadonlySet<string>): boolean {
    const seen = new Set<string>();
    for (let g: string | undefined = group; g !== undefined && !seen.has(g); g = this.groupParents.get(g)) {
      if (ancestors.has(g)) return true;
      seen.add(g);
    }
    return false;
  }
}
