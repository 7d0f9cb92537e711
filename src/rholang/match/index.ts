/** The spatial matcher over normalized terms (rholang-surface §4.5). */

export { type MatchOptions, matchData, matches, matchTerm, rholangMatcher, type TermBindings } from './match.js';
