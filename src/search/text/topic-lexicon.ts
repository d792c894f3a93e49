import topicsFile from '../data/topics-id.json';
import { matchKey } from './match-key';
import { tokenize } from './normalize';

/** The lexicon's file: fine topics of job training, each in a broader group, with the words that name it. */
export interface TopicLexiconData {
  topics: Record<string, { name: string; group: string; words: string[] }>;
}

/** A topic a text names, with how many of its words (or phrases) name it. */
export type TopicCounts = Map<string, number>;

/**
 * Which topics of job training a text is about, by its words: "Beternak
 * Ayam Petelur" names peternakan three times and masakan once ("ayam"), so
 * it is about poultry, not cooking. Words compare by match key (stem and
 * spelling folded, as the engines compare them); a phrase of the lexicon
 * ("front office") counts once, before its words. Generic frame words
 * ("strategi", "teknik", "usaha") name no topic, so a module matching a text
 * only by them shares none of its topics. Language data, like the synonyms:
 * the free-options ranking reads it (src/free-options).
 */
export class TopicLexicon {
  /** Entries as written (normalised), then by match key: "petelur" is listed, though its stem "telur" names cooking too. */
  private readonly topicsByWords = new Map<string, string[]>();
  private readonly topicsByKeys = new Map<string, string[]>();
  private readonly groups = new Map<string, string>();
  private readonly longestPhrase: number;

  constructor(
    data: TopicLexiconData,
    private readonly keyOf: (word: string) => string = matchKey,
  ) {
    let longest = 1;
    const add = (map: Map<string, string[]>, key: string, topic: string) => {
      const topics = map.get(key) ?? [];
      if (!topics.includes(topic)) map.set(key, [...topics, topic]);
    };
    for (const [topic, { group, words }] of Object.entries(data.topics)) {
      this.groups.set(topic, group);
      for (const entry of words) {
        const tokens = tokenize(entry);
        if (tokens.length === 0) continue;
        longest = Math.max(longest, tokens.length);
        add(this.topicsByWords, tokens.join(' '), topic);
        add(this.topicsByKeys, tokens.map(this.keyOf).join(' '), topic);
      }
    }
    this.longestPhrase = longest;
  }

  /** The group a topic belongs to ("peternakan" → "agribisnis"). */
  groupOf(topic: string): string | undefined {
    return this.groups.get(topic);
  }

  /** The topics of a group ("agribisnis" → peternakan, perikanan, pertanian). */
  topicsInGroup(group: string): string[] {
    return [...this.groups].filter(([, of]) => of === group).map(([topic]) => topic);
  }

  /**
   * The topics the words of `text` name, each once per word: at each
   * position the longest phrase of the lexicon, as written, else by match key
   * (an inflection or another spelling of an entry). A word of several topics
   * counts for each: what someone asks for keeps every sense.
   */
  topicsOf(text: string): TopicCounts {
    const counts: TopicCounts = new Map();
    for (const topics of this.namedAt(text)) for (const topic of topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
    return counts;
  }

  /**
   * The same, with a word of several topics read in the context of the
   * text's other words: it splits its one count between its topics by how
   * many of the text's words name each (its own included, so a sense no other
   * word names keeps a share). "Keamanan" in "Keamanan dan Sanitasi Makanan
   * bagi Juru Masak" is food safety far more than network security.
   */
  resolvedTopicsOf(text: string): TopicCounts {
    const named = this.namedAt(text);
    const support = new Map<string, number>();
    for (const topics of named) for (const topic of topics) support.set(topic, (support.get(topic) ?? 0) + 1);
    const counts: TopicCounts = new Map();
    for (const topics of named) {
      const total = topics.reduce((sum, topic) => sum + support.get(topic)!, 0);
      for (const topic of topics) counts.set(topic, (counts.get(topic) ?? 0) + support.get(topic)! / total);
    }
    return counts;
  }

  /** The topics named at each position of a text that names any. */
  private namedAt(text: string): string[][] {
    const words = tokenize(text);
    const keys = words.map(this.keyOf);
    const named: string[][] = [];
    for (let at = 0; at < words.length; ) {
      let taken = 1;
      for (let length = Math.min(this.longestPhrase, words.length - at); length >= 1; length--) {
        const topics = this.topicsByWords.get(words.slice(at, at + length).join(' ')) ?? this.topicsByKeys.get(keys.slice(at, at + length).join(' '));
        if (!topics) continue;
        named.push(topics);
        taken = length;
        break;
      }
      at += taken;
    }
    return named;
  }
}

let bundled: TopicLexicon | undefined;

/** The lexicon of src/search/data/topics-id.json (read once). */
export function bundledTopicLexicon(): TopicLexicon {
  bundled ??= new TopicLexicon(topicsFile as TopicLexiconData);
  return bundled;
}
