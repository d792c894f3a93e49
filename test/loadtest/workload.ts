import { randomUUID } from 'node:crypto';
import { seededRandom } from '../bench/search/synthetic-corpus';
import { uniqueWord } from '../bench/catalogue/catalogue-generator';
import type { GraphQLAnswer, GraphQLClient } from '../bench/load/graphql-client';
import { SEARCH_QUERY, searchVariables } from '../bench/queries/search-queries';
import type { Recorder } from './recorder';
import type { Beneficiary, World } from './world';
import { zipfSampler } from './zipf';

/** The mix of issue 10: shares of all operations. */
export const MIX = [
  { op: 'search', share: 0.85 },
  { op: 'moduleRead', share: 0.08 },
  { op: 'enroll', share: 0.02 },
  { op: 'completeLesson', share: 0.02 },
  { op: 'contribute', share: 0.01 },
  { op: 'review', share: 0.01 },
  { op: 'creditSpend', share: 0.01 },
] as const;
type Op = (typeof MIX)[number]['op'];

const MODULE_READ = `query($id: ID, $slug: String) { module(id: $id, slug: $slug) {
  id slug title summary description priceIdr level durationMinutes ratingAverage ratingCount enrollmentCount
  category { slug name } contributor { displayName } lessons { id position title kind durationMinutes }
} }`;
const ENROLL = `mutation($moduleId: ID!) { enroll(moduleId: $moduleId) { id status chargedIdr module { lessons { id kind } } } }`;
const COMPLETE = `mutation($enrollmentId: ID!, $lessonId: ID!) { completeLesson(enrollmentId: $enrollmentId, lessonId: $lessonId) { id status progressPercent } }`;
const CREATE = `mutation($input: ModuleInput!) { createModule(input: $input) { id version } }`;
const SUBMIT = `mutation($id: ID!) { submitModule(id: $id) { id status version } }`;
const REVIEW = `mutation($input: ReviewModuleInput!) { reviewModule(input: $input) { id status version } }`;
const SPEND = `mutation($input: RecordCreditSpendInput!) { recordCreditSpend(input: $input) { balanceIdr creditExhausted } }`;
/** A third of first spends use up the whole credit (or leave Rp1 for a fee to exhaust), so exhaustions happen within a short run. */
const SPEND_AMOUNTS = [400_000, 700_000, 1_000_000];
/** A share of spends that repeat an accepted reference, as a platform retrying after a timeout would. */
const REPEAT_SHARE = 0.25;
const REQUEST_CHANGES_SHARE = 0.2;
/** Sent with every spend: a repeat must carry the same content as the original (another content is CONFLICT). */
const COURSE_TITLE = 'Pelatihan Pemasaran Digital';

export interface WorkloadHooks {
  /** Called after each approval the API accepted (the sync-lag probe follows it). */
  onApproved(candidate: { id: string; word: string }, approvedAt: number): void;
}

/**
 * Simulated users in a closed loop: `concurrency` of them, each sending its
 * next request when its last is answered, until `durationMs` has passed. Each
 * loop owns a slice of the beneficiaries, so a wallet's client-side balance and
 * enrollments are never raced by this client (the API still sees concurrent
 * writes to shared modules, counters and the outbox).
 */
export async function runWorkload(client: GraphQLClient, world: World, recorder: Recorder, options: { concurrency: number; durationMs: number; hooks: WorkloadHooks }): Promise<void> {
  const started = performance.now();
  const loops = Array.from({ length: options.concurrency }, (_, index) => {
    const mine = world.beneficiaries.filter((_, i) => i % options.concurrency === index);
    return new UserLoop(client, world, recorder, mine, seededRandom(1_000 + index), started, options.hooks);
  });
  await Promise.all(loops.map((loop) => loop.run(started + options.durationMs)));
}

class UserLoop {
  private readonly pickSearch: () => number;
  private readonly pickModule: () => number;
  private spendCursor = 0;

  constructor(
    private readonly client: GraphQLClient,
    private readonly world: World,
    private readonly recorder: Recorder,
    private readonly users: Beneficiary[],
    private readonly random: () => number,
    private readonly started: number,
    private readonly hooks: WorkloadHooks,
  ) {
    this.pickSearch = zipfSampler(world.searches.length, random);
    this.pickModule = zipfSampler(world.modules.length, random);
  }

  async run(until: number): Promise<void> {
    while (performance.now() < until) await this.step(this.drawOp());
  }

  private drawOp(): Op {
    let draw = this.random();
    for (const { op, share } of MIX) if ((draw -= share) < 0) return op;
    return 'search';
  }

  private user(): Beneficiary | undefined {
    return this.users[Math.floor(this.random() * this.users.length)];
  }

  private async step(op: Op): Promise<void> {
    switch (op) {
      case 'search': {
        const token = this.random() < 0.5 ? this.user()?.token : undefined;
        await this.call('search', SEARCH_QUERY, searchVariables(this.world.searches[this.pickSearch()]), token);
        return;
      }
      case 'moduleRead': {
        const module = this.world.modules[this.pickModule()];
        await this.call('moduleRead', MODULE_READ, this.random() < 0.5 ? { id: module.id } : { slug: module.slug }, this.user()?.token);
        return;
      }
      case 'enroll':
        return this.enroll();
      case 'completeLesson':
        return this.completeLesson();
      case 'contribute':
        return this.contribute();
      case 'review':
        return this.review();
      case 'creditSpend':
        return this.spend();
    }
  }

  private async enroll(): Promise<void> {
    const user = this.user();
    if (!user) return;
    const module = this.world.modules[this.pickModule()];
    const data = await this.call<{ enroll: { id: string; chargedIdr: number; module: { lessons: { id: string; kind: string }[] } } }>('enroll', ENROLL, { moduleId: module.id }, user.token);
    if (!data) return;
    const known = user.enrollments.get(module.id);
    if (known) {
      // Enrolment is idempotent: the same enrollment again, charging nothing.
      if (known.enrollmentId !== data.enroll.id) this.recorder.anomaly(`enroll of ${module.id} again returned enrollment ${data.enroll.id}, not ${known.enrollmentId}`);
      return;
    }
    user.knownBalanceIdr -= data.enroll.chargedIdr;
    const lessons = data.enroll.module.lessons.filter((lesson) => lesson.kind !== 'QUIZ').map((lesson) => lesson.id);
    user.enrollments.set(module.id, { enrollmentId: data.enroll.id, remainingLessonIds: lessons });
    this.world.accepted.enrollments.push({ userId: user.userId, moduleId: module.id, enrollmentId: data.enroll.id });
  }

  private async completeLesson(): Promise<void> {
    const user = this.user();
    const open = user && [...user.enrollments.values()].filter((enrollment) => enrollment.remainingLessonIds.length > 0);
    if (!user || !open?.length) return this.enroll();
    const enrollment = open[Math.floor(this.random() * open.length)];
    const lessonId = enrollment.remainingLessonIds[0];
    const data = await this.call('completeLesson', COMPLETE, { enrollmentId: enrollment.enrollmentId, lessonId }, user.token);
    if (!data) return;
    enrollment.remainingLessonIds.shift();
    this.world.accepted.completions.push({ enrollmentId: enrollment.enrollmentId, lessonId });
  }

  /** A contributor writes a module and submits it: two requests. */
  private async contribute(): Promise<void> {
    const token = this.world.contributorTokens[Math.floor(this.random() * this.world.contributorTokens.length)];
    const word = uniqueWord(this.random);
    const created = await this.call<{ createModule: { id: string } }>('createModule', CREATE, { input: moduleInput(word, this.random) }, token);
    if (!created) return;
    this.world.accepted.createdModules.push({ id: created.createModule.id, word });
    const submitted = await this.call<{ submitModule: { version: number } }>('submitModule', SUBMIT, { id: created.createModule.id }, token);
    if (submitted) this.world.reviewQueue.push({ id: created.createModule.id, version: submitted.submitModule.version, word });
  }

  /** The curator decides on the oldest waiting module: mostly APPROVE, some REQUEST_CHANGES. */
  private async review(): Promise<void> {
    const candidate = this.world.reviewQueue.shift();
    if (!candidate) return this.contribute();
    const decision = this.random() < REQUEST_CHANGES_SHARE ? 'REQUEST_CHANGES' : 'APPROVE';
    const input = { moduleId: candidate.id, expectedVersion: candidate.version, decision, ...(decision === 'REQUEST_CHANGES' ? { note: 'Mohon lengkapi contoh praktik di setiap pelajaran.' } : {}) };
    const data = await this.call<{ reviewModule: { version: number } }>('review', REVIEW, { input }, this.world.curatorToken);
    if (!data) return;
    this.world.accepted.decisions.push({ moduleId: candidate.id, word: candidate.word, decision, version: data.reviewModule.version });
    if (decision === 'APPROVE') this.hooks.onApproved(candidate, performance.now());
  }

  /**
   * The programme's platform (the admin) reports a spend of one of this loop's
   * beneficiaries, taking wallets down to Rp0 or Rp1 (so later Rp1 fees exhaust
   * them too); a quarter repeat an accepted reference, which must change nothing.
   */
  private async spend(): Promise<void> {
    const withSpends = this.users.filter((user) => user.spends.length > 0);
    if (withSpends.length > 0 && (this.random() < REPEAT_SHARE || this.users.every((user) => user.knownBalanceIdr < 1))) {
      const user = withSpends[Math.floor(this.random() * withSpends.length)];
      const earlier = user.spends[Math.floor(this.random() * user.spends.length)];
      const data = await this.call('creditSpend', SPEND, { input: { prakerjaCardNumber: user.cardNumber, amountIdr: earlier.amountIdr, reference: earlier.reference, courseTitle: COURSE_TITLE } }, this.world.adminToken);
      if (data) this.world.accepted.spends.push({ userId: user.userId, reference: earlier.reference, amountIdr: earlier.amountIdr, repeat: true });
      return;
    }
    // One wallet at a time until it is spent, so wallets do reach exhaustion within a short run.
    let user = this.users[this.spendCursor % this.users.length];
    for (let tries = 0; user && user.knownBalanceIdr < 1 && tries < this.users.length; tries++) user = this.users[++this.spendCursor % this.users.length];
    if (!user || user.knownBalanceIdr < 1) return;
    let amountIdr = SPEND_AMOUNTS[Math.floor(this.random() * SPEND_AMOUNTS.length)];
    if (amountIdr >= user.knownBalanceIdr) amountIdr = user.knownBalanceIdr > 1 && this.random() < 0.5 ? user.knownBalanceIdr - 1 : user.knownBalanceIdr;
    const reference = `loadtest-${randomUUID()}`;
    const data = await this.call<{ recordCreditSpend: { balanceIdr: number } }>(
      'creditSpend',
      SPEND,
      { input: { prakerjaCardNumber: user.cardNumber, amountIdr, reference, courseTitle: COURSE_TITLE } },
      this.world.adminToken,
    );
    if (!data) return;
    user.knownBalanceIdr = data.recordCreditSpend.balanceIdr;
    user.spends.push({ reference, amountIdr });
    this.world.accepted.spends.push({ userId: user.userId, reference, amountIdr, repeat: false });
  }

  /** Sends one request and records its outcome; the data on success, undefined on any error. */
  private async call<T = Record<string, unknown>>(op: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T | undefined> {
    const sent = performance.now();
    let answer: GraphQLAnswer<T> | undefined;
    let code: string | undefined;
    let message: string | undefined;
    try {
      answer = await this.client.request<T>(query, variables, token);
      if (answer.errors?.length) code = answer.errors[0].extensions?.code ?? 'UNKNOWN';
      else if (!answer.data) code = 'NO_DATA';
      if (code) message = JSON.stringify(answer.errors ?? answer).slice(0, 300);
    } catch (error) {
      code = errorCode(error);
      message = error instanceof Error ? error.message : String(error);
    }
    this.recorder.record({ op, at: sent - this.started, ms: performance.now() - sent, code, message });
    return code ? undefined : (answer!.data as T);
  }
}

function errorCode(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'TIMEOUT';
  const message = error instanceof Error ? error.message : String(error);
  const http = /^HTTP (\d{3})/.exec(message);
  return http ? `HTTP ${http[1]}` : 'NETWORK';
}

function moduleInput(word: string, random: () => number): Record<string, unknown> {
  const lessons = 1 + Math.floor(random() * 3);
  return {
    title: `Praktik Pemasaran Digital ${word}`,
    summary: `Langkah praktis pemasaran digital untuk usaha kecil, modul ${word}.`,
    description: `Modul ini mengajarkan cara memasarkan produk usaha kecil secara daring, dari foto produk sampai iklan berbayar. Kode modul: ${word}.`,
    categorySlug: 'penjualan-pemasaran',
    skills: ['pemasaran digital', 'media sosial'],
    level: 'BEGINNER',
    deliveryMode: 'SELF_PACED',
    priceIdr: random() < 0.5 ? 0 : 1,
    lessons: Array.from({ length: lessons }, (_, i) => ({
      title: `Pelajaran ${i + 1}: ${word}`,
      kind: i % 2 === 0 ? 'VIDEO' : 'ARTICLE',
      durationMinutes: 10 + i,
      ...(i % 2 === 0 ? { contentUrl: `https://video.contoh-pelatihan.id/${word}/${i + 1}.mp4` } : { body: `Bacaan pelajaran ${i + 1}.` }),
    })),
  };
}
