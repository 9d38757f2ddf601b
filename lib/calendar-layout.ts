/** An event on a day column, in minutes from midnight; `end` is exclusive. */
export type DaySpan = { start: number; end: number };

/** Where an event sits across its day column: the `column` of `columns` equal lanes. */
export type Lane = { column: number; columns: number };

/**
 * Packs a day's events into side-by-side lanes. Events that overlap, directly or through a chain
 * of others, form a cluster whose width is split into as many lanes as the cluster needs at once;
 * each event takes the first lane free at its start. An event that overlaps nothing keeps the
 * whole width. Lanes come back in the order of `spans`.
 */
export function packDayLanes(spans: readonly DaySpan[]): Lane[] {
  const order = spans
    .map((span, index) => ({ ...span, index }))
    .sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);
  const lanes: Lane[] = spans.map(() => ({ column: 0, columns: 1 }));
  let cluster: number[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -Infinity;

  const closeCluster = () => {
    for (const index of cluster)
      lanes[index] = { column: lanes[index]!.column, columns: laneEnds.length };
    cluster = [];
    laneEnds = [];
  };

  for (const span of order) {
    if (span.start >= clusterEnd) closeCluster();
    const end = Math.max(span.end, span.start + 1);
    let column = laneEnds.findIndex((laneEnd) => laneEnd <= span.start);
    if (column === -1) {
      column = laneEnds.length;
      laneEnds.push(end);
    } else {
      laneEnds[column] = end;
    }
    lanes[span.index] = { column, columns: 1 };
    cluster.push(span.index);
    clusterEnd = Math.max(clusterEnd, end);
  }
  closeCluster();
  return lanes;
}
