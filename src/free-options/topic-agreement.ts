import type { TopicCounts, TopicLexicon } from '../search/text/topic-lexicon';
import type { Fit } from './free-options-ranking';
import { textSegments } from './relevance-terms';

/**
 * What a text is about, by the topic lexicon: each topic's (and group's)
 * weight over the strongest one's, from 0 to 1. A topic named in the text's
 * subject counts fully, one named in its audience or place
 * ("… untuk Pelayan Restoran") as the segment weighs.
 */
export interface TopicProfile {
  topics: Map<string, number>;
  groups: Map<string, number>;
}

/**
 * A module sharing only the text's broader group ("perikanan" for a text on
 * "peternakan", both agribisnis) agrees this much of the group's share: near,
 * not the same subject.
 */
export const GROUP_CREDIT = 0.5;
/** A match in a module of none of the text's topics or groups (a frame word, a word in another sense) counts this much. */
export const TOPIC_FLOOR = 0.4;
/** A module whose words name no topic at all: the lexicon cannot tell, so its match is neither kept whole nor cut to the floor. */
export const UNKNOWN_TOPIC = 0.7;

const overStrongest = (weights: Map<string, number>): Map<string, number> => {
  const top = Math.max(0, ...weights.values());
  return new Map([...weights].map(([key, weight]) => [key, weight / top]));
};

/** The text's topic profile, or undefined when none of its words names a topic (then topics say nothing about it). */
export function topicProfile(text: string, lexicon: TopicLexicon): TopicProfile | undefined {
  return profileOf(textSegments(text).map((segment) => ({ counts: lexicon.topicsOf(segment.text), weight: segment.weight })), lexicon);
}

/** A module's topic profile from its title and skills (lexicon.resolvedTopicsOf), or undefined when they name no topic. */
export const moduleTopicProfile = (counts: TopicCounts, lexicon: TopicLexicon): TopicProfile | undefined => profileOf([{ counts, weight: 1 }], lexicon);

function profileOf(parts: { counts: TopicCounts; weight: number }[], lexicon: TopicLexicon): TopicProfile | undefined {
  const topics = new Map<string, number>();
  const groups = new Map<string, number>();
  for (const { counts, weight } of parts) {
    for (const [topic, count] of counts) {
      topics.set(topic, (topics.get(topic) ?? 0) + weight * count);
      const group = lexicon.groupOf(topic);
      if (group) groups.set(group, (groups.get(group) ?? 0) + weight * count);
    }
  }
  return topics.size === 0 ? undefined : { topics: overStrongest(topics), groups: overStrongest(groups) };
}

/**
 * How far a module's topics agree with a text's, 0 to 1: the best topic
 * both hold, as much as the weaker of the two holds it (a module's word in
 * another sense, "Telur Balado" among recipes, is outvoted by its other
 * words as the text's is), or GROUP_CREDIT of the best shared group;
 * undefined when the module's words name no topic.
 */
export function topicAgreement(text: TopicProfile, module: TopicProfile | undefined): number | undefined {
  if (!module) return undefined;
  let agreement = 0;
  for (const [topic, share] of module.topics) agreement = Math.max(agreement, Math.min(share, text.topics.get(topic) ?? 0));
  for (const [group, share] of module.groups) agreement = Math.max(agreement, GROUP_CREDIT * Math.min(share, text.groups.get(group) ?? 0));
  return agreement;
}

/** How much a text match in a module counts, by the module's agreement with the text's topics. */
export const topicFactor = (agreement: number | undefined): number => (agreement === undefined ? UNKNOWN_TOPIC : TOPIC_FLOOR + (1 - TOPIC_FLOOR) * agreement);

/**
 * Below this agreement a module shares only a minor sense of a text's
 * minor topic's group ("sayur" of a hydroponics course, "kafe" of an English
 * course for café staff: both kuliner): not a shared subject.
 */
export const MIN_TOPIC_FIT = 0.25;

/** The candidates that share the text's topics (or groups), fitting by agreement: filler that shares a subject, not a word. */
export function topicFits(text: TopicProfile, candidates: { id: string; topics: TopicProfile | undefined }[]): Fit[] {
  return candidates.flatMap(({ id, topics }) => {
    const fit = topicAgreement(text, topics) ?? 0;
    return fit >= MIN_TOPIC_FIT ? [{ id, fit }] : [];
  });
}

/** A topic or group at least this share of a text's strongest is among its main ones, browsed for filler. */
export const MAIN_TOPIC_SHARE = 0.5;

/**
 * The topic filters to browse for a set of texts' filler: each main topic
 * alone, then each main group's topics together (poultry farming's filler
 * includes fish and vegetable farming when poultry runs out), once each.
 */
export function mainTopicSets(profiles: (TopicProfile | undefined)[], lexicon: TopicLexicon): string[][] {
  const sets = new Map<string, string[]>();
  for (const profile of profiles) {
    if (!profile) continue;
    for (const [topic, share] of profile.topics) if (share >= MAIN_TOPIC_SHARE) sets.set(`topic:${topic}`, [topic]);
    for (const [group, share] of profile.groups) if (share >= MAIN_TOPIC_SHARE) sets.set(`group:${group}`, lexicon.topicsInGroup(group).sort());
  }
  return [...sets.values()];
}
