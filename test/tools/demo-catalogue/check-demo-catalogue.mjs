#!/usr/bin/env node
// Validates src/seed/data/demo-catalogue.json against the rules the API
// enforces on modules (and a few the demo needs). Used by the generator before
// it writes the file, and runnable on its own:
//   node test/tools/demo-catalogue/check-demo-catalogue.mjs [path/to/demo-catalogue.json]

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve, dirname } from 'node:path';
import { CATEGORIES, CATEGORY_SLUGS } from './categories.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_PATH = resolve(HERE, '../../../src/seed/data/demo-catalogue.json');

const LEVELS = new Set(['BEGINNER', 'INTERMEDIATE', 'ADVANCED']);
const LANGUAGES = new Set(['id', 'en', 'jv', 'su']);
const DELIVERY = new Set(['SELF_PACED', 'WEBINAR', 'OFFLINE', 'BLENDED']);
const LESSON_KINDS = new Set(['VIDEO', 'ARTICLE', 'QUIZ', 'LIVE_SESSION', 'DOWNLOAD']);
const URL_REQUIRED = new Set(['VIDEO', 'LIVE_SESSION', 'DOWNLOAD']);
const BODY_REQUIRED = new Set(['ARTICLE', 'QUIZ']);
const CONTRIBUTOR_KINDS = new Set(['INDIVIDUAL', 'ORGANIZATION']);
// Whole words: "pemasaran" and "aksara" legitimately contain "sara".
const BANNED = /\b(judi|slot|togel|narkoba|pinjol|porno|sara)\b/i;
const HTML = /<\/?[a-z!][^>]*>/i;
const MIN_MODULES = 320;
const MIN_PER_CATEGORY = 10;

const len = (s) => (typeof s === 'string' ? [...s].length : -1);

/** Returns { errors, warnings, stats }; errors empty means the catalogue is valid. */
export function checkCatalogue(data) {
  const errors = [];
  const warnings = [];
  const err = (where, msg) => errors.push(`${where}: ${msg}`);
  const text = (where, value, min, max) => {
    if (typeof value !== 'string') return err(where, 'must be a string');
    if (value !== value.trim()) err(where, 'has leading/trailing whitespace');
    if (len(value) < min || len(value) > max) err(where, `length ${len(value)} outside ${min}..${max}`);
    if (BANNED.test(value)) err(where, `contains a banned word (${value.match(BANNED)[0]})`);
    if (HTML.test(value)) err(where, 'contains HTML');
  };
  const https = (where, value) => {
    try {
      const u = new URL(value);
      if (u.protocol !== 'https:') err(where, 'must be an https URL');
    } catch {
      err(where, `not a URL: ${value}`);
    }
  };

  if (!data || !Array.isArray(data.contributors) || !Array.isArray(data.modules)) {
    return { errors: ['root: expected { contributors: [], modules: [] }'], warnings, stats: {} };
  }

  const keys = new Set();
  data.contributors.forEach((c, i) => {
    const w = `contributors[${i}] (${c?.key})`;
    if (typeof c.key !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(c.key)) err(w, 'key must be a lower-case slug');
    if (keys.has(c.key)) err(w, 'duplicate key');
    keys.add(c.key);
    text(`${w}.displayName`, c.displayName, 2, 120);
    if (!CONTRIBUTOR_KINDS.has(c.kind)) err(w, `bad kind ${c.kind}`);
    if (c.kind === 'ORGANIZATION') text(`${w}.organizationName`, c.organizationName, 2, 160);
    else if (c.organizationName !== null) err(w, 'organizationName must be null for an INDIVIDUAL');
    text(`${w}.bio`, c.bio, 20, 1000);
  });

  const titles = new Map();
  const perCategory = Object.fromEntries(CATEGORIES.map((c) => [c.slug, 0]));
  const used = new Set();
  const tally = { language: {}, deliveryMode: {}, level: {}, priceIdr: {}, certificate: {}, lessonKind: {} };
  const bump = (k, v) => (tally[k][v] = (tally[k][v] ?? 0) + 1);

  data.modules.forEach((m, i) => {
    const w = `modules[${i}] "${m?.title}"`;
    if (!keys.has(m.contributor)) err(w, `unknown contributor "${m.contributor}"`);
    used.add(m.contributor);
    text(`${w}.title`, m.title, 8, 120);
    const t = String(m.title).toLowerCase();
    if (titles.has(t)) err(w, `duplicate title (also modules[${titles.get(t)}])`);
    titles.set(t, i);
    text(`${w}.summary`, m.summary, 20, 300);
    text(`${w}.description`, m.description, 50, 20000);
    if (typeof m.description === 'string') {
      const en = m.language === 'en';
      const learn = en ? '## What you will learn' : '## Yang akan Anda pelajari';
      const who = en ? '## Who it is for' : '## Untuk siapa';
      if (!m.description.includes(`\n${learn}\n`)) err(w, `description lacks "${learn}"`);
      if (!m.description.includes(`\n${who}\n`)) err(w, `description lacks "${who}"`);
      if (!/\n- \S/.test(m.description)) err(w, 'description has no bullet list');
      if (/^#/.test(m.description)) err(w, 'description must start with an intro paragraph');
    }
    if (!CATEGORY_SLUGS.has(m.categorySlug)) err(w, `unknown category ${m.categorySlug}`);
    else perCategory[m.categorySlug] += 1;
    if (!Array.isArray(m.skills) || m.skills.length < 1 || m.skills.length > 15) err(w, 'skills must have 1..15 items');
    else {
      if (new Set(m.skills).size !== m.skills.length) err(w, 'duplicate skills');
      m.skills.forEach((s, j) => {
        text(`${w}.skills[${j}]`, s, 2, 40);
        if (typeof s === 'string' && s !== s.toLowerCase()) err(`${w}.skills[${j}]`, 'must be lower case');
      });
    }
    if (!LEVELS.has(m.level)) err(w, `bad level ${m.level}`);
    if (!LANGUAGES.has(m.language)) err(w, `bad language ${m.language}`);
    if (!DELIVERY.has(m.deliveryMode)) err(w, `bad deliveryMode ${m.deliveryMode}`);
    if (m.priceIdr !== 0 && m.priceIdr !== 1) err(w, `priceIdr must be 0 or 1, got ${m.priceIdr}`);
    if (typeof m.certificate !== 'boolean') err(w, 'certificate must be a boolean');
    if (!Number.isInteger(m.publishedDaysAgo) || m.publishedDaysAgo < 0 || m.publishedDaysAgo > 3650) err(w, 'publishedDaysAgo must be an integer 0..3650');
    for (const k of ['language', 'deliveryMode', 'level', 'priceIdr', 'certificate']) bump(k, m[k]);

    if (!Array.isArray(m.lessons) || m.lessons.length < 3 || m.lessons.length > 8) {
      err(w, `needs 3..8 lessons, has ${m.lessons?.length}`);
      return;
    }
    const lessonTitles = new Set();
    m.lessons.forEach((l, j) => {
      const lw = `${w}.lessons[${j}]`;
      text(`${lw}.title`, l.title, 3, 200);
      if (/^(pelajaran|lesson|materi|bab)\s*\d+$/i.test(String(l.title).trim())) err(lw, 'generic lesson title');
      if (lessonTitles.has(String(l.title).toLowerCase())) err(lw, 'duplicate lesson title in module');
      lessonTitles.add(String(l.title).toLowerCase());
      if (!LESSON_KINDS.has(l.kind)) err(lw, `bad kind ${l.kind}`);
      bump('lessonKind', l.kind);
      if (!Number.isInteger(l.durationMinutes) || l.durationMinutes < 1 || l.durationMinutes > 600) err(lw, `durationMinutes ${l.durationMinutes} outside 1..600`);
      else if (l.durationMinutes < 5 || l.durationMinutes > 120) warnings.push(`${lw}: unusual duration ${l.durationMinutes}`);
      if (URL_REQUIRED.has(l.kind) && !l.contentUrl) err(lw, `contentUrl required for ${l.kind}`);
      if (l.contentUrl != null) https(`${lw}.contentUrl`, l.contentUrl);
      if (BODY_REQUIRED.has(l.kind)) text(`${lw}.body`, l.body, 20, 20000);
      else if (l.body != null) text(`${lw}.body`, l.body, 1, 20000);
      if (l.questions != null) checkQuestions(lw, l, err);
      else if (l.kind === 'QUIZ' && typeof l.body === 'string') {
        const questions = l.body.split('\n').filter((line) => /^\d+\.\s/.test(line)).length;
        if (questions !== 3) err(lw, `quiz body should list 3 questions, lists ${questions}`);
      }
    });
  });

  for (const c of data.contributors) if (!used.has(c.key)) warnings.push(`contributor ${c.key} has no module`);
  if (data.modules.length < MIN_MODULES) err('modules', `only ${data.modules.length} modules, need ${MIN_MODULES}`);
  for (const [slug, n] of Object.entries(perCategory)) {
    if (n < MIN_PER_CATEGORY) err(`category ${slug}`, `only ${n} modules, need ${MIN_PER_CATEGORY}`);
  }
  const free = tally.priceIdr[0] ?? 0;
  const share = free / data.modules.length;
  if (share < 0.5 || share > 0.7) warnings.push(`share of Rp0 modules is ${(share * 100).toFixed(0)}%, expected about 60%`);

  return {
    errors,
    warnings,
    stats: {
      modules: data.modules.length,
      contributors: {
        total: data.contributors.length,
        ORGANIZATION: data.contributors.filter((c) => c.kind === 'ORGANIZATION').length,
        INDIVIDUAL: data.contributors.filter((c) => c.kind === 'INDIVIDUAL').length,
      },
      lessons: data.modules.reduce((n, m) => n + (m.lessons?.length ?? 0), 0),
      perCategory,
      ...tally,
    },
  };
}

export function printReport({ errors, warnings, stats }) {
  console.log(`modules: ${stats.modules}, lessons: ${stats.lessons}, contributors: ${JSON.stringify(stats.contributors)}`);
  console.log('per category:');
  for (const [slug, n] of Object.entries(stats.perCategory ?? {})) console.log(`  ${slug.padEnd(24)} ${n}`);
  for (const k of ['language', 'deliveryMode', 'level', 'priceIdr', 'certificate', 'lessonKind']) {
    console.log(`${k}: ${JSON.stringify(stats[k])}`);
  }
  for (const w of warnings) console.log(`warning: ${w}`);
  for (const e of errors) console.error(`ERROR: ${e}`);
  console.log(errors.length ? `FAILED with ${errors.length} error(s)` : 'OK: catalogue is valid');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const path = resolve(process.argv[2] ?? DEFAULT_PATH);
  const result = checkCatalogue(JSON.parse(readFileSync(path, 'utf8')));
  printReport(result);
  process.exit(result.errors.length ? 1 : 0);
}

/** A quiz graded on the server, by the API's rules (LessonInput.questions); its body must not give the answers away. */
function checkQuestions(lw, l, err) {
  if (l.kind !== 'QUIZ') return err(lw, 'questions are only for QUIZ lessons');
  if (!Array.isArray(l.questions) || l.questions.length < 1 || l.questions.length > 50) return err(lw, 'questions must list 1 to 50 questions');
  if (l.passPercent != null && !(Number.isInteger(l.passPercent) && l.passPercent >= 1 && l.passPercent <= 100)) err(lw, 'passPercent outside 1..100');
  if (/kunci|answers/i.test(l.body ?? '')) err(lw, 'a graded quiz body must not hold its key');
  l.questions.forEach((q, i) => {
    const qw = `${lw}.questions[${i}]`;
    if (typeof q.prompt !== 'string' || q.prompt.length < 5 || q.prompt.length > 500 || /<[A-Za-z/!?]/.test(q.prompt)) err(qw, 'prompt must be 5..500 characters of plain text');
    const options = Array.isArray(q.options) ? q.options : [];
    if (options.length < 2 || options.length > 6) err(qw, 'options must list 2 to 6 options');
    if (options.some((o) => typeof o !== 'string' || o.trim() !== o || o.length < 1 || o.length > 200 || /<[A-Za-z/!?]/.test(o))) err(qw, 'each option must be 1..200 characters of trimmed plain text');
    if (new Set(options).size !== options.length) err(qw, 'options must not repeat');
    const correct = Array.isArray(q.correctOptions) ? q.correctOptions : [];
    if (correct.length < 1 || new Set(correct).size !== correct.length || correct.some((c) => !Number.isInteger(c) || c < 0 || c >= options.length)) err(qw, 'correctOptions must be 1+ distinct indexes of options');
  });
}
