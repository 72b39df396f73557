/**
 * Reads generated paragraphs through their facts (a test checks every fact is stated in the text).
 * Mistakes are the ones a reader of the real text makes: taking another name of the paragraph for the
 * bridge (the star for the director), taking a look-alike paragraph's relation when the right one was
 * not retrieved, and taking a distractor's value (a namesake's nationality) instead of the right one.
 */
import type { Rng } from '../../../analyses/random/rng';
import type { Entity, World } from '../../environment/world/entities';
import { mentions, valueOf, type ValueKind } from '../../environment/world/facts';
import type { SimTask, WorldTruth } from '../../environment/tasks/sim-task';
import { bridgeOf } from '../../environment/tasks/templates';
import { readsRight, type Reader, type Reading, type ReadingSkill } from './reader';

/** How many habitual answers a policy guesses among when it has no evidence. */
export const HABITUAL_GUESSES = 3;

// Whether an entity's paragraph names another one as its known work.
function linksTo(entity: Entity, target: number): boolean {
  return (entity.kind === 'person' || entity.kind === 'band') && entity.knownFor === target;
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)]!;
}

/** The reader of one generated task. */
export class WorldReader implements Reader {
  private readonly truth: WorldTruth;
  private readonly docs: readonly Entity[];
  private readonly kind: ValueKind;

  constructor(
    private readonly world: World,
    task: SimTask,
  ) {
    if (!task.truth || !task.docEntities) throw new Error(`task ${task.row.task} is not a generated task`);
    this.truth = task.truth;
    this.docs = task.docEntities.map((id) => world.entities[id]!);
    this.kind = this.truth.family === 'bridge' ? this.truth.template.attribute : 'year';
  }

  bridge(seen: readonly number[], extraction: number, rng: Rng): string | null {
    if (this.truth.family !== 'bridge') return null;
    const { hop1, bridge, template } = this.truth;
    const seenEntities = seen.map((i) => this.docs[i]!);
    const name = (id: number): string => this.world.entities[id]!.name;
    // Two cues name the bridge: the question entity's paragraph, and the bridge's own paragraph when it
    // mentions the question entity ("… known for Silent Harbor"); either read right is enough.
    const cues = (seenEntities.some((e) => e.id === hop1) ? 1 : 0) + (seenEntities.some((e) => e.id === bridge && linksTo(e, hop1)) ? 1 : 0);
    if (cues > 0) {
      if (rng.next() < 1 - (1 - extraction) ** cues) return name(bridge);
      // A misreading: another name of the same kind in view, those of the question's paragraph first.
      const hop1Entity = this.world.entities[hop1]!;
      const own = mentions(hop1Entity, template.bridgeKind).filter((id) => id !== bridge);
      const others = seenEntities.flatMap((e) => [...mentions(e, template.bridgeKind), ...(e.kind === template.bridgeKind ? [e.id] : [])]);
      const wrong = own.length > 0 ? own : others.filter((id) => id !== bridge);
      return wrong.length > 0 ? name(pick(rng, wrong)) : name(bridge);
    }
    // The question's paragraph is not in view: a careful reader sees that, a careless one follows a
    // look-alike paragraph's relation (another film's director).
    if (rng.next() < extraction) return null;
    const lookalikes = seenEntities
      .filter((e) => e.kind === template.hop1)
      .map((e) => bridgeOf(e, template.relation))
      .filter((id) => id >= 0);
    return lookalikes.length > 0 ? name(pick(rng, lookalikes)) : null;
  }

  attribute(seen: readonly number[], name: string, skill: ReadingSkill, rng: Rng): Reading | null {
    const intendedId = this.intended(name);
    let intended: Entity | undefined;
    const named: Entity[] = [];
    const competitors: Entity[] = [];
    for (const i of seen) {
      const entity = this.docs[i]!;
      if (entity.id === intendedId) intended = entity;
      else if (valueOf(this.world, entity, this.kind) !== undefined) {
        competitors.push(entity);
        if (entity.name === name) named.push(entity);
      }
    }
    const value = (e: Entity): string => valueOf(this.world, e, this.kind)!;
    if (!intended && named.length > 0 && intendedId === -1) intended = named.shift();
    if (intended) {
      const rivals = competitors.filter((e) => e !== intended);
      if (rng.next() < readsRight(skill.integration, rivals.length, skill.dilution)) return { value: value(intended), grounded: true };
      return { value: value(pick(rng, rivals)), grounded: true };
    }
    // The paragraph sought is not in view: a namesake's paragraph passes for it, else any value in view.
    if (named.length > 0) return { value: value(pick(rng, named)), grounded: true };
    if (competitors.length > 0) return { value: value(pick(rng, competitors)), grounded: false };
    return null;
  }

  stated(docs: readonly number[], name: string): string | null {
    const intendedId = this.intended(name);
    for (const i of docs) {
      const entity = this.docs[i]!;
      if (entity.id === intendedId || (intendedId === -1 && entity.name === name)) return valueOf(this.world, entity, this.kind) ?? null;
    }
    return null;
  }

  decide(values: readonly (string | null)[], rng: Rng): string {
    if (this.truth.family !== 'comparison') return this.guess(rng);
    const names = [this.world.entities[this.truth.a]!.name, this.world.entities[this.truth.b]!.name];
    const [a, b] = values.map((v) => (v === null ? NaN : Number(v)));
    if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b) || a === b) return pick(rng, names);
    return (a < b) === this.truth.template.earlier ? names[0]! : names[1]!;
  }

  guess(rng: Rng): string {
    if (this.truth.family === 'comparison') return pick(rng, [this.world.entities[this.truth.a]!.name, this.world.entities[this.truth.b]!.name]);
    // A guess about an unknown entity is not uniform: a model falls back on a few habitual answers (the
    // same for every task), so guessing is right only when the answer happens to be one of them.
    const habitual = <T>(items: readonly T[]): T => items[rng.int(Math.min(HABITUAL_GUESSES, items.length))]!;
    const entity = (kind: 'country' | 'city'): Entity => this.world.entities[habitual(this.world.byKind[kind])]!;
    switch (this.kind) {
      case 'nationality': {
        const country = entity('country');
        return country.kind === 'country' ? country.demonym : country.name;
      }
      case 'year':
        return String(habitual([1950, 1960, 1970]));
      case 'city':
        return entity('city').name;
      case 'country':
        return entity('country').name;
    }
  }

  // The entity a name refers to in this task: the true bridge or compared entity it names (-1: the
  // name is a misreading, any paragraph with that name is what the policy is after).
  private intended(name: string): number {
    const truth = this.truth;
    const candidates = truth.family === 'bridge' ? [truth.bridge] : truth.family === 'comparison' ? [truth.a, truth.b] : [];
    for (const id of candidates) if (this.world.entities[id]!.name === name) return id;
    return -1;
  }
}
