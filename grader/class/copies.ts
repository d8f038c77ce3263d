/**
 * Possible copies, for an instructor to look at (never a verdict):
 * - learners whose files give the same *uncatalogued* wrong answers on several
 *   number or expression parts: a catalogued slip, or a two-way choice, is
 *   shared by honest learners all the time, an odd wrong number rarely;
 * - with variants on, a file whose wrong answers are right for numbers that
 *   are not its learner's own (the references of every learner in the class
 *   are computed by the exercises, as the grader does).
 *
 * A class is hostile too, so both run in time and memory linear in the class:
 * no recursion, no map of every pair. Holders are counted per learner, so a
 * learner's drafts neither make a pair nor make an answer look common.
 */
import { EXERCISES, exerciseParams, learnerKey, type ExerciseDefinition, type NumberPart } from '../../exercises/index.ts';
import { withinTolerance } from '../../exercises/catalogue.ts';
import { readNumber } from '../read/number.ts';
import type { CopyGroup, FileReport } from '../schema.ts';
import { courseOrder } from './summary.ts';

export interface CopyOptions {
  /** Shared wrong answers that make a pair worth a look. One shared slip is chance; three identical odd answers rarely are. */
  minShared?: number;
  /** Parts on which a file must answer with another learner's numbers; one could be a coincidence of rounding. */
  minVariantParts?: number;
  /**
   * The roster's learners. Only they are ever named as the learners whose numbers a file carries: without a
   * roster, anyone can type any id on the site and see its numbers, so a name proves nothing and blames someone.
   */
  learners?: readonly string[];
}

const MIN_SHARED = 3;
const MIN_VARIANT_PARTS = 2;
/**
 * Each holder of a shared value is compared with the next this many holders only, so a value held by many
 * costs work in proportion to its holders, not their square. A copy ring holds its answers in the same order
 * on every part, so neighbours link it whole; a value held by this many or fewer is compared pair by pair.
 */
const NEIGHBOURS = 16;
/** Learners named as the source of a file's numbers, at most: the count says how many fit. */
const MAX_NAMED = 5;
/** Answers that fit more mixes of variants than this (ties on every exercise) prove nothing about anyone. */
const MAX_MIXES = 4096;

/**
 * A wrong answer held by more than this many learners is a common mistake, not
 * evidence: at least 5, or a tenth of the class when that is more.
 */
function commonAbove(learners: number): number {
  return Math.max(5, Math.ceil(learners / 10));
}

/** Files, or units of pair work, between the pauses a browser takes (each step well under 200 ms, so the page never freezes). */
const STEP = 200;
const STEP_WORK = 5_000;

/** Both kinds of group, shared wrong answers first. */
export function findCopies(reports: readonly FileReport[], options: CopyOptions = {}): CopyGroup[] {
  return finish(copySteps(reports, options));
}

/**
 * findCopies as steps: the generator pauses after every few hundred files or answers, and returns the
 * groups. The CLI runs it through (findCopies); the browser's class report yields to the page at each pause.
 */
export function* copySteps(reports: readonly FileReport[], options: CopyOptions = {}): Generator<void, CopyGroup[]> {
  const shared = yield* sharedWrongAnswerSteps(reports, options.minShared ?? MIN_SHARED);
  return [...shared, ...(yield* otherVariantSteps(reports, options))];
}

/** Runs steps through without pausing. */
function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Who holds an answer: the learner (compared as ids are), or the file when it names no one. */
function holderOf(report: FileReport): string {
  const key = report.learner === undefined ? '' : learnerKey(report.learner);
  return key === '' ? `\u0000${report.path}` : key;
}

/** Groups of learners linked by at least `minShared` identical uncatalogued wrong answers (linked pairs chain into groups). */
export function sharedWrongAnswers(reports: readonly FileReport[], minShared = MIN_SHARED): CopyGroup[] {
  return finish(sharedWrongAnswerSteps(reports, minShared));
}

/** The class's uncatalogued wrong answers, indexed: holders (learners, or files naming no one), parts, and who gave each value. */
interface WrongAnswers {
  /** Holder → its files (indexes into the graded reports). */
  holderFiles: number[][];
  partNames: string[];
  /** `<part>\u0000<answer>` → the part's index and its holders, each once, in order of first file. */
  values: Map<string, { part: number; holders: number[] }>;
}

/** The pair work done since the last pause, shared by the steps so they pause as one. */
interface WorkMeter {
  work: number;
}

/** Counts `units` of work; true when it is time to pause (and starts counting again). */
function spend(meter: WorkMeter, units: number): boolean {
  meter.work += units;
  if (meter.work <= STEP_WORK) return false;
  meter.work = 0;
  return true;
}

/** The index of `key` in `names`, added at the end when new. */
function indexOf(index: Map<string, number>, names: unknown[], key: string, name: unknown): number {
  let i = index.get(key);
  if (i === undefined) {
    i = names.length;
    index.set(key, i);
    names.push(name);
  }
  return i;
}

function* wrongAnswerSteps(graded: readonly FileReport[]): Generator<void, WrongAnswers> {
  const holderIndex = new Map<string, number>();
  const holderFiles: number[][] = [];
  const partIndex = new Map<string, number>();
  const partNames: string[] = [];
  const values = new Map<string, { part: number; holders: number[] }>();
  for (const [file, report] of graded.entries()) {
    if (file % STEP === STEP - 1) yield;
    const holder = indexOf(holderIndex, holderFiles, holderOf(report), []);
    holderFiles[holder]!.push(file);
    for (const exercise of report.exercises) {
      for (const part of exercise.parts) {
        if (part.verdict !== 'incorrect' || part.misconception !== undefined || part.readAs === undefined) continue;
        if (kindOf(exercise.id, part.id) === 'choice') continue;
        const name = `${exercise.id}.${part.id}`;
        const p = indexOf(partIndex, partNames, name, name);
        const valueKey = `${name}\u0000${part.readAs}`;
        const value = values.get(valueKey);
        if (!value) values.set(valueKey, { part: p, holders: [holder] });
        else if (value.holders.at(-1) !== holder) value.holders.push(holder); // a learner's other drafts are dropped below
      }
    }
  }
  return { holderFiles, partNames, values };
}

/** The values held by at least two learners but not so many that they are a common mistake, by part. */
function rareValues(values: WrongAnswers['values'], holders: number): { part: number; holders: number[] }[] {
  const limit = commonAbove(holders);
  const rare: { part: number; holders: number[] }[] = [];
  for (const value of values.values()) {
    const list = [...new Set(value.holders)];
    if (list.length >= 2 && list.length <= limit) rare.push({ part: value.part, holders: list });
  }
  rare.sort((x, y) => x.part - y.part);
  return rare;
}

/**
 * Pair (a, b), a < b, as one number → the parts it shares; a pair met twice on one part (a learner's
 * drafts answering it differently) counts that part once, so pairs are gathered part by part (`rare` is by part).
 */
function* sharedPartSteps(
  rare: readonly { part: number; holders: number[] }[],
  holders: number,
  meter: WorkMeter,
): Generator<void, Map<number, number>> {
  const sharedParts = new Map<number, number>();
  let pairsOfPart = new Set<number>();
  for (const [v, value] of rare.entries()) {
    if (spend(meter, value.holders.length * NEIGHBOURS)) yield;
    if (v > 0 && rare[v - 1]!.part !== value.part) pairsOfPart = new Set();
    const list = value.holders;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && j <= i + NEIGHBOURS; j++) {
        const pair = Math.min(list[i]!, list[j]!) * holders + Math.max(list[i]!, list[j]!);
        if (pairsOfPart.has(pair)) continue;
        pairsOfPart.add(pair);
        sharedParts.set(pair, (sharedParts.get(pair) ?? 0) + 1);
      }
    }
  }
  return sharedParts;
}

/** The linked holders, and the group (its root) each belongs to. */
interface Linked {
  root: (holder: number) => number;
  linked: Uint8Array;
}

/** Union-find over the pairs sharing `minShared` parts or more (iterative, halving paths), so a ring of three who share with each other is one group. */
function* linkSteps(sharedParts: Map<number, number>, holders: number, minShared: number, meter: WorkMeter): Generator<void, Linked> {
  const parent = Array.from({ length: holders }, (_, i) => i);
  const root = (i: number): number => {
    let at = i;
    while (parent[at] !== at) {
      parent[at] = parent[parent[at]!]!;
      at = parent[at]!;
    }
    return at;
  };
  const linked = new Uint8Array(holders);
  for (const [pair, count] of sharedParts) {
    if (spend(meter, 1)) yield;
    if (count < minShared) continue;
    const a = Math.floor(pair / holders);
    const b = pair % holders;
    parent[root(a)] = root(b);
    linked[a] = 1;
    linked[b] = 1;
  }
  return { root, linked };
}

/** A group's parts: those on which two of its members give the same answer. */
function* groupPartSteps(
  rare: readonly { part: number; holders: number[] }[],
  { root, linked }: Linked,
  meter: WorkMeter,
): Generator<void, Map<number, Set<number>>> {
  const groupParts = new Map<number, Set<number>>();
  for (const value of rare) {
    if (spend(meter, value.holders.length)) yield;
    const seen = new Set<number>();
    for (const h of value.holders) {
      if (!linked[h]) continue;
      const r = root(h);
      if (seen.has(r)) {
        const set = groupParts.get(r) ?? new Set<number>();
        set.add(value.part);
        groupParts.set(r, set);
      } else seen.add(r);
    }
  }
  return groupParts;
}

function* sharedWrongAnswerSteps(reports: readonly FileReport[], minShared: number): Generator<void, CopyGroup[]> {
  const graded = reports.filter((r) => r.status === 'graded');
  const { holderFiles, partNames, values } = yield* wrongAnswerSteps(graded);
  const holders = holderFiles.length;
  const rare = rareValues(values, holders);
  const meter: WorkMeter = { work: 0 };
  const sharedParts = yield* sharedPartSteps(rare, holders, meter);
  const links = yield* linkSteps(sharedParts, holders, minShared, meter);
  const groupParts = yield* groupPartSteps(rare, links, meter);
  const { root, linked } = links;
  const members = new Map<number, number[]>();
  for (let h = 0; h < holders; h++) {
    if (!linked[h]) continue;
    const list = members.get(root(h));
    if (list) list.push(h);
    else members.set(root(h), [h]);
  }
  const order = courseOrder();
  return [...members]
    .map(([r, group]) => {
      const files = group.flatMap((h) => holderFiles[h]!).sort((a, b) => a - b);
      return {
        kind: 'shared-wrong-answers' as const,
        files: files.map((i) => fileOf(graded[i]!)),
        parts: [...(groupParts.get(r) ?? [])].map((p) => partNames[p]!).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
      };
    })
    .sort((a, b) => b.parts.length - a.parts.length || b.files.length - a.files.length);
}

/** One exercise's variants among the class's learners: each distinct set of reference numbers, by index. */
interface ExerciseVariants {
  exercise: ExerciseDefinition;
  /** Per variant, the reference number of each number part (by part id). */
  numbers: Map<string, number>[];
  /** Learner key → the index of their variant. */
  of: Map<string, number>;
}

/**
 * Files (with variants on) whose wrong number answers are right for numbers that are not their learner's
 * own, on at least `minVariantParts` parts. Per exercise, the variants that fit the most wrong answers
 * count (a few hundred at most, so each file costs the same however large the class); the group then says
 * how many learners' numbers fit every such exercise, and names them only when they are on the roster.
 */
export function otherVariants(reports: readonly FileReport[], options: CopyOptions = {}): CopyGroup[] {
  return finish(otherVariantSteps(reports, options));
}

function* otherVariantSteps(reports: readonly FileReport[], options: CopyOptions): Generator<void, CopyGroup[]> {
  const minParts = options.minVariantParts ?? MIN_VARIANT_PARTS;
  const withVariant = reports.filter(
    (r) => r.status === 'graded' && r.variant === true && r.learner !== undefined && learnerKey(r.learner) !== '',
  );
  if (withVariant.length === 0) return [];
  // Every learner known to the class, once, by their compared key; those on the roster may be named.
  const learners = new Map<string, string>();
  const named = new Set<string>();
  for (const learner of options.learners ?? []) {
    const key = learnerKey(learner);
    if (key === '') continue;
    named.add(key);
    if (!learners.has(key)) learners.set(key, learner.trim());
  }
  for (const report of withVariant) {
    const key = learnerKey(report.learner!);
    if (!learners.has(key)) learners.set(key, report.learner!.trim());
  }
  const variants: ExerciseVariants[] = [];
  for (const exercise of EXERCISES) variants.push(yield* exerciseVariants(exercise, learners.keys()));
  const canonical = canonicalAnswers();
  const learnersFitting = fitIndex(variants, learners);
  const byKey = new Map(withVariant.map((r) => [learnerKey(r.learner!), r]));
  const order = courseOrder();
  const groups: CopyGroup[] = [];
  // Pauses by work done, not by files: a file's cost grows with the number of variants it is compared with.
  const meter: WorkMeter = { work: 0 };
  for (const report of withVariant) {
    if (spend(meter, 1)) yield;
    const own = learnerKey(report.learner!);
    const chosen: { exercise: number; variants: number[] }[] = [];
    const parts: string[] = [];
    let total = 0;
    variants.forEach((v, e) => {
      const answered = report.exercises.find((x) => x.id === v.exercise.id);
      if (!answered) return;
      const ownVariant = v.of.get(own);
      const wrong = answered.parts.flatMap((part) => {
        if (part.verdict !== 'incorrect' || part.readAs === undefined) return [];
        const definition = v.exercise.parts.find((p) => p.id === part.id);
        const read = readNumber(part.readAs);
        return definition?.kind === 'number' && read.ok ? [{ part: definition as NumberPart, value: read.value }] : [];
      });
      if (wrong.length === 0) return;
      let best = 0;
      let bestVariants: number[] = [];
      let bestParts: string[] = [];
      meter.work += v.numbers.length * wrong.length;
      v.numbers.forEach((numbers, variant) => {
        if (variant === ownVariant) return;
        const fit = wrong
          .filter(({ part, value }) => {
            const reference = numbers.get(part.id);
            // The post's own number is what a learner who ignored their variant writes: not another learner's.
            return (
              reference !== undefined &&
              canonical.get(`${v.exercise.id}.${part.id}`) !== reference &&
              withinTolerance(part.tolerance, reference, value)
            );
          })
          .map(({ part }) => `${v.exercise.id}.${part.id}`);
        if (fit.length > best) [best, bestVariants, bestParts] = [fit.length, [variant], fit];
        else if (fit.length === best && best > 0) {
          bestVariants.push(variant);
          bestParts = [...new Set([...bestParts, ...fit])];
        }
      });
      if (best === 0) return;
      total += best;
      chosen.push({ exercise: e, variants: bestVariants });
      parts.push(...bestParts);
    });
    if (total < minParts) continue;
    const fits = learnersFitting(chosen, own);
    if (fits.count === 0) continue;
    const sources = fits.keys.filter((key) => named.has(key)).slice(0, MAX_NAMED);
    groups.push({
      kind: 'other-variant',
      files: [
        fileOf(report),
        ...sources.map((key) => {
          const other = byKey.get(key);
          return other ? fileOf(other) : { path: '', learner: learners.get(key)! };
        }),
      ],
      parts: parts.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
      fits: fits.count,
    });
  }
  return groups;
}

/** Each learner's variant of one exercise, variants told apart by their reference numbers. */
function* exerciseVariants(exercise: ExerciseDefinition, keys: Iterable<string>): Generator<void, ExerciseVariants> {
  const numberParts = exercise.parts.filter((p) => p.kind === 'number');
  const byParams = new Map<string, number>();
  const byNumbers = new Map<string, number>();
  const numbers: Map<string, number>[] = [];
  const of = new Map<string, number>();
  for (const key of keys) {
    if (of.size % STEP === STEP - 1) yield;
    const params = exerciseParams(exercise, key, true);
    const paramsKey = JSON.stringify(params);
    let variant = byParams.get(paramsKey);
    if (variant === undefined) {
      const answers = exercise.answers(params);
      const values = new Map(
        numberParts.flatMap((p) => (typeof answers[p.id] === 'number' ? [[p.id, answers[p.id] as number] as const] : [])),
      );
      const numbersKey = JSON.stringify([...values]);
      variant = byNumbers.get(numbersKey);
      if (variant === undefined) {
        variant = numbers.length;
        numbers.push(values);
        byNumbers.set(numbersKey, variant);
      }
      byParams.set(paramsKey, variant);
    }
    of.set(key, variant);
  }
  return { exercise, numbers, of };
}

/** The learners (other than `own`) whose variant is one of the chosen ones on every chosen exercise: how many, and the first few keys. */
type FitIndex = (chosen: readonly { exercise: number; variants: readonly number[] }[], own: string) => { count: number; keys: string[] };

/**
 * Which learners have given variants on some exercises: an index per set of exercises, built the first
 * time that set is asked for (at most one per subset of the five exercises), so each question costs a
 * lookup, not a pass over the class.
 */
function fitIndex(variants: readonly ExerciseVariants[], learners: ReadonlyMap<string, string>): FitIndex {
  const indexes = new Map<string, Map<string, string[]>>();
  const indexFor = (exercises: readonly number[]): Map<string, string[]> => {
    const id = exercises.join(',');
    let index = indexes.get(id);
    if (!index) {
      index = new Map();
      for (const key of learners.keys()) {
        const combo = exercises.map((e) => variants[e]!.of.get(key)!).join(',');
        const list = index.get(combo);
        if (list) list.push(key);
        else index.set(combo, [key]);
      }
      indexes.set(id, index);
    }
    return index;
  };
  return (chosen, own) => {
    const index = indexFor(chosen.map((c) => c.exercise));
    let combos: number[][] = [[]];
    for (const c of chosen) {
      combos = combos.flatMap((combo) => c.variants.map((v) => [...combo, v]));
      if (combos.length > MAX_MIXES) return { count: 0, keys: [] };
    }
    let count = 0;
    const keys: string[] = [];
    for (const combo of combos) {
      for (const key of index.get(combo.join(',')) ?? []) {
        if (key === own) continue;
        count++;
        if (keys.length < 4 * MAX_NAMED) keys.push(key);
      }
    }
    return { count, keys };
  };
}

function fileOf(report: FileReport): CopyGroup['files'][number] {
  return report.learner === undefined ? { path: report.path } : { path: report.path, learner: report.learner };
}

/** `<exercise>\u0000<part>` → the part's kind, for every part of the course: a fixed table, not a cache. */
const PART_KINDS: ReadonlyMap<string, string> = new Map(
  EXERCISES.flatMap((e) => e.parts.map((p) => [`${e.id}\u0000${p.id}`, p.kind] as const)),
);

function kindOf(exercise: string, part: string): string | undefined {
  return PART_KINDS.get(`${exercise}\u0000${part}`);
}

/** `<exercise>.<part>` → the post's own number. */
function canonicalAnswers(): Map<string, unknown> {
  return new Map(
    EXERCISES.flatMap((e: ExerciseDefinition) => {
      const answers = e.answers(e.canonical);
      return e.parts.map((p) => [`${e.id}.${p.id}`, answers[p.id]] as const);
    }),
  );
}
