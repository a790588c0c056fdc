// The current value of one labelled series of a prom-client counter or gauge (0 when never touched).
import type { Counter, Gauge } from "prom-client";

export async function metricValue<L extends string>(
  metric: Counter<L> | Gauge<L>,
  labels: Partial<Record<L, string>>,
): Promise<number> {
  const { values } = await metric.get();
  const wanted = Object.entries(labels) as [L, string][];
  return values.find((v) => wanted.every(([k, x]) => String(v.labels[k]) === x))?.value ?? 0;
}
