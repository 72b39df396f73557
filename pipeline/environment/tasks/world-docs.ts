import type { TaskDoc } from '../../formats/task';
import type { Entity } from '../world/entities';

/** The corpus paragraph of an entity: id `w<entity id>`, its title and its text. */
export function docOf(entity: Entity): TaskDoc {
  return { id: `w${entity.id}`, title: entity.title, text: entity.text };
}

/** A task id: family and a zero-padded number (`bridge-0007`). */
export function taskId(family: string, index: number): string {
  return `${family}-${String(index + 1).padStart(4, '0')}`;
}
