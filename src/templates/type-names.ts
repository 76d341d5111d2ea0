import { editDistance } from '../text/edit-distance.js';

/** Words rosters use for a built-in type besides its key and its template's name. */
const ALIASES: Readonly<Record<string, string>> = {
  中小学: 'school',
  小学: 'school',
  中学: 'school',
  区: 'district',
  县: 'district',
  区县: 'district',
  经审: 'audit',
  经审会: 'audit',
};

function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** 街道总工会 → 街道, 企业工会 → 企业: rosters often name the union's kind, not the plan's. */
function stems(text: string): string[] {
  const folded = fold(text);
  return [folded, folded.replace(/^工会/, ''), folded.replace(/(总工会|工会|委员会)$/, '')];
}

/** Plan types by what a roster may call them. */
export interface TypeNames {
  /** The type a cell names (`school`, 学校, 学校工会 …), or undefined. */
  resolve(text: string): string | undefined;
  /** The type a misspelt name most likely meant (`scool` → school, 幼儿圆 → kindergarten), or undefined. */
  suggest(text: string): string | undefined;
  /** `school（学校）、kindergarten（幼儿园）…`, for messages. */
  readonly list: string;
}

/**
/**
 * Where the types and their names come from: the template registry, which builds its own
 * {@link TypeNames} (so this file does not import it back).
 */
export interface TypeSource {
  types(): readonly string[];
  get(type: string): Promise<{ readonly name: string }>;
}

/**
 * Plan types by every name they go by, from each type's key and its template's Chinese name (the
 * user's own templates included), so a roster or an outline may say 学校 as well as `school`.
 */
export function typeNamesFrom(entries: readonly { type: string; name: string }[]): TypeNames {
  const names = new Map<string, string>();
  const shown: string[] = [];
  for (const [alias, type] of Object.entries(ALIASES)) names.set(fold(alias), type);
  for (const { type, name } of entries) {
    shown.push(name === type ? type : `${type}（${name}）`);
    for (const stem of stems(name)) if (stem) names.set(stem, type);
  }
  // The key itself wins over any alias or name that happens to spell the same.
  for (const { type } of entries) names.set(fold(type), type);
  return {
    resolve(text: string): string | undefined {
      for (const stem of stems(text)) {
        const type = names.get(stem);
        if (type) return type;
      }
      return undefined;
    },
    suggest(text: string): string | undefined {
      const folded = fold(text);
      let best: { type: string; cost: number } | undefined;
      for (const [name, type] of names) {
        // Two edits in a Latin key, one in a Chinese name of two or three characters.
        const allowed = /^[a-z-]+$/.test(name) ? 2 : 1;
        const cost = editDistance(folded, name);
        if (cost <= allowed && (!best || cost < best.cost)) best = { type, cost };
      }
      return best?.type;
    },
    list: shown.join('、'),
  };
}

/** Reads every type's Chinese name from the registry (the user's own templates included). */
export async function typeNames(registry: TypeSource): Promise<TypeNames> {
  const entries = await Promise.all(registry.types().map(async (type) => ({ type, name: (await registry.get(type)).name })));
  return typeNamesFrom(entries);
}

/** The words rosters use for built-in types besides their keys and names, for the JSON Schema. */
export function typeAliases(): Readonly<Record<string, string>> {
  return ALIASES;
}
