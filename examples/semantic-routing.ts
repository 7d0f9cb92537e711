/**
 * Semantic routing: messages go to the agent whose topic they are about, by meaning, through a
 * VectorDB space.
 *
 * - each agent waits on `inbox` with a similarity receive: its topic vector, cosine, threshold 0.8;
 * - messages arrive on `inbox` with an embedding (here three made-up dimensions: money, machines,
 *   people). A message wakes the agent whose query it passes, and only that agent;
 * - a message no agent's query accepts stays in the inbox; a triage pass at the end finds, for each
 *   leftover, the topic it is closest to, without taking it.
 *
 * Embeddings are written as `float` strings and lists; nothing here is random or timed, so the output
 * is the same every run.
 */
import { TupleSpace } from '../src/plain/tuple-space.js';

const AGENTS: Record<string, number[]> = {
  billing: [1, 0, 0],
  support: [0, 1, 0],
  sales: [0.2, 0, 1],
};

const MESSAGES: [string, number[] | string][] = [
  ['my invoice is charged twice', [0.95, 0.1, 0.05]],
  ['the server keeps rebooting', [0.05, 0.98, 0.1]],
  ['can we get a volume discount?', [0.3, 0.05, 0.9]],
  ['refund for last month', '0.9, 0.2, 0.1'],
  ['printer driver crashes on start', '0.1, 0.9, 0'],
  ['what do you think of the weather', [0.5, 0.5, 0.5]],
];

const board = new TupleSpace({ config: { inner: 'vectordb', dimensions: 3, embeddingType: 'float' } });
const STOP = { text: 'stop' };

async function agent(name: string, topic: number[]): Promise<void> {
  for (;;) {
    const [message] = await board.takeSimilar('inbox', { vector: topic, threshold: 0.8 });
    const text = (message.value as { text: string }).text;
    if (text === STOP.text) return;
    console.log(`${name.padEnd(8)} <- ${text}`);
  }
}

const agents = Object.entries(AGENTS).map(([name, topic]) => agent(name, topic));
for (const [text, embedding] of MESSAGES) board.write('inbox', { text, embedding });
// Let every routed message be handled before the triage pass.
await new Promise((resolve) => setImmediate(resolve));

for (const leftover of board.space.getData('inbox')) {
  // The leftover's score against each topic: search with no threshold, and find it among the hits.
  const scores = Object.entries(AGENTS).map(([name, topic]) => {
    const hits = board.space.findSimilar('inbox', { vector: Float32Array.from(topic), threshold: 0, topK: 100 });
    return { name, score: hits.find((hit) => hit.datum === leftover.datum)?.score ?? 0 };
  });
  const closest = scores.sort((a, b) => b.score - a.score)[0];
  const text = (leftover.datum as { text: string }).text;
  console.log(`unrouted  ${text} (closest topic: ${closest.name}, score ${closest.score.toFixed(2)})`);
}

// Each agent stops on a stop message aimed at its own topic.
for (const topic of Object.values(AGENTS)) board.write('inbox', { ...STOP, embedding: topic });
await Promise.all(agents);
console.log('all agents stopped');
