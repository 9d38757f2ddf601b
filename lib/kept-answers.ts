/**
 * A pure computation's answers kept by key, at most `limit` of them: when full, all are dropped at
 * once, which keeps the bookkeeping to one Map. For answers that cost far more than their key.
 */
export function keptAnswers<T>(limit: number) {
  const answers = new Map<string, T>();
  return (key: string, compute: () => T): T => {
    if (answers.has(key)) return answers.get(key) as T;
    const answer = compute();
    if (answers.size >= limit) answers.clear();
    answers.set(key, answer);
    return answer;
  };
}
