// A small Prometheus registry: counters, gauges and histograms with labels, rendered in the text
// exposition format 0.0.4 (https://prometheus.io/docs/instrumenting/exposition_formats/).
// Channels create their own metrics here (e.g. `registry.counter("madoguchi_line_events_total", …)`).

export type Labels = Record<string, string>;

interface Metric {
  readonly name: string;
  render(): string[];
}

/** Label values are escaped as the format requires: backslash, double quote and line feed. */
function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

function labelText(names: readonly string[], labels: Labels, extra?: [string, string]): string {
  const pairs = names.map((n) => `${n}="${escapeLabelValue(labels[n] ?? "")}"`);
  if (extra) pairs.push(`${extra[0]}="${escapeLabelValue(extra[1])}"`);
  return pairs.length > 0 ? `{${pairs.join(",")}}` : "";
}

function keyOf(names: readonly string[], labels: Labels): string {
  return JSON.stringify(names.map((n) => labels[n] ?? ""));
}

function formatNumber(n: number): string {
  if (n === Infinity) return "+Inf";
  if (n === -Infinity) return "-Inf";
  return Number.isNaN(n) ? "NaN" : String(n);
}

abstract class LabelledMetric<V> implements Metric {
  protected readonly values = new Map<string, { labels: Labels; value: V }>();
  constructor(readonly name: string, readonly help: string, readonly labelNames: readonly string[], private readonly type: string) {}

  protected slot(labels: Labels, init: () => V): { labels: Labels; value: V } {
    const key = keyOf(this.labelNames, labels);
    let s = this.values.get(key);
    if (!s) {
      s = { labels: { ...labels }, value: init() };
      this.values.set(key, s);
    }
    return s;
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}`, `# TYPE ${this.name} ${this.type}`];
    for (const { labels, value } of this.values.values()) lines.push(...this.renderSample(labels, value));
    return lines;
  }

  protected abstract renderSample(labels: Labels, value: V): string[];
}

export class Counter extends LabelledMetric<number> {
  constructor(name: string, help: string, labelNames: readonly string[] = []) {
    super(name, help, labelNames, "counter");
  }

  inc(labels: Labels = {}, by = 1): void {
    if (by < 0) throw new Error(`counter ${this.name} cannot decrease`);
    this.slot(labels, () => 0).value += by;
  }

  get(labels: Labels = {}): number {
    return this.values.get(keyOf(this.labelNames, labels))?.value ?? 0;
  }

  protected renderSample(labels: Labels, value: number): string[] {
    return [`${this.name}${labelText(this.labelNames, labels)} ${formatNumber(value)}`];
  }
}

export class Gauge extends LabelledMetric<number> {
  constructor(name: string, help: string, labelNames: readonly string[] = []) {
    super(name, help, labelNames, "gauge");
  }

  set(value: number, labels: Labels = {}): void {
    this.slot(labels, () => 0).value = value;
  }

  get(labels: Labels = {}): number {
    return this.values.get(keyOf(this.labelNames, labels))?.value ?? 0;
  }

  protected renderSample(labels: Labels, value: number): string[] {
    return [`${this.name}${labelText(this.labelNames, labels)} ${formatNumber(value)}`];
  }
}

interface HistogramValue {
  buckets: number[];
  sum: number;
  count: number;
}

export class Histogram extends LabelledMetric<HistogramValue> {
  constructor(name: string, help: string, labelNames: readonly string[], readonly bounds: readonly number[]) {
    super(name, help, labelNames, "histogram");
  }

  observe(value: number, labels: Labels = {}): void {
    const s = this.slot(labels, () => ({ buckets: this.bounds.map(() => 0), sum: 0, count: 0 })).value;
    this.bounds.forEach((b, i) => { if (value <= b) s.buckets[i]! += 1; });
    s.sum += value;
    s.count += 1;
  }

  /** Count of observations for these labels (tests, dashboards). */
  count(labels: Labels = {}): number {
    return this.values.get(keyOf(this.labelNames, labels))?.value.count ?? 0;
  }

  protected renderSample(labels: Labels, v: HistogramValue): string[] {
    const lines = this.bounds.map((b, i) => `${this.name}_bucket${labelText(this.labelNames, labels, ["le", formatNumber(b)])} ${v.buckets[i]}`);
    lines.push(`${this.name}_bucket${labelText(this.labelNames, labels, ["le", "+Inf"])} ${v.count}`);
    lines.push(`${this.name}_sum${labelText(this.labelNames, labels)} ${formatNumber(v.sum)}`);
    lines.push(`${this.name}_count${labelText(this.labelNames, labels)} ${v.count}`);
    return lines;
  }
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

export class MetricsRegistry {
  private readonly metrics = new Map<string, Metric>();

  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return this.register(name, () => new Counter(name, help, labelNames), Counter);
  }

  gauge(name: string, help: string, labelNames: readonly string[] = []): Gauge {
    return this.register(name, () => new Gauge(name, help, labelNames), Gauge);
  }

  histogram(name: string, help: string, labelNames: readonly string[], bounds: readonly number[]): Histogram {
    return this.register(name, () => new Histogram(name, help, labelNames, bounds), Histogram);
  }

  /** The whole registry in Prometheus text format, ending with a newline. */
  render(): string {
    return `${[...this.metrics.values()].flatMap((m) => m.render()).join("\n")}\n`;
  }

  /** Registering the same name twice returns the first metric (so modules can ask for it by name). */
  private register<M extends Metric>(name: string, create: () => M, kind: abstract new (...a: never[]) => M): M {
    if (!METRIC_NAME.test(name)) throw new Error(`invalid metric name "${name}"`);
    const existing = this.metrics.get(name);
    if (existing) {
      if (!(existing instanceof kind)) throw new Error(`metric ${name} is already registered as another type`);
      return existing;
    }
    const metric = create();
    this.metrics.set(name, metric);
    return metric;
  }
}
