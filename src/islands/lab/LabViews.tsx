/** Every view of the run: loss and accuracy, the gradient heatmaps and bars, saturation, update ratios, and the decision maps. */
import type { EpochReport } from '../../../engine/train.ts';
import { ACTIVATIONS } from '../../../engine/activations.ts';
import { SATURATION_SLOPE } from '../../../engine/activations.ts';
import { exact, formatNumber } from '../../../engine/format.ts';
import { extent, thin, tickLabel } from '../../charts/plot.ts';
import { ClassLegend, DecisionMap } from './DecisionMap.tsx';
import { GlossaryLink } from './Glossary.tsx';
import { GradHeatmap, HeatLegend } from './GradHeatmap.tsx';
import { LayerBars } from './LayerBars.tsx';
import { LineChart } from './LineChart.tsx';
import { GRAD_NAME, layerName, networkLetter, percent } from './names.ts';
import type { DecisionGrid, LabData } from './protocol.ts';

export interface LabViewsProps {
  history: readonly (readonly EpochReport[])[];
  version: number;
  names: readonly string[];
  epochs: number;
  depth: number;
  grids: readonly DecisionGrid[];
  data: LabData | undefined;
  /** The run's smallest and largest gradient norm so far. */
  gradRange: [number, number] | undefined;
}

/** Points per curve: a 10,000-epoch run draws as quickly as a 300-epoch one. */
const MOST_POINTS = 400;

/** The usual healthy order of magnitude of ‖ΔW‖ / ‖W‖ per update. */
const RATIO_RULE = 1e-3;

export function LabViews({ history, version, names, epochs, depth, grids, data, gradRange }: LabViewsProps) {
  const latest = history.map((h) => h.at(-1));
  const epoch = latest[0]?.epoch ?? 0;
  const grads = latest.map((r) => r?.gradNorms.weight ?? []);
  // One colour scale and one bar axis for the whole run so far, so neither rescales as the epochs go by.
  const gradDomain = extent(gradRange ?? [], true, 0, [1e-6, 1]);
  const ratios = latest.map((r) => r?.updateRatio ?? []);
  const ratioDomain = extent([...ratios.flat(), RATIO_RULE], true, 0, [1e-6, 1]);
  const saturation = latest.map((r) => r?.saturation ?? []);

  const gradSummary = (i: number) => {
    const g = grads[i] ?? [];
    if (g.length < 2) return `Network ${networkLetter(i)}: no gradients yet.`;
    return `Network ${networkLetter(i)} at epoch ${epoch}: ${GRAD_NAME} is ${formatNumber(g[0]!)} at layer 1 and ${formatNumber(g[g.length - 2]!)} at layer ${depth}, ${formatNumber(g[g.length - 1]!)} at the output.`;
  };
  const lossText = latest.map((r, i) => (r ? `${networkLetter(i)} ${formatNumber(r.loss)}` : '')).join(', ');
  const accText = latest.map((r, i) => (r ? `${networkLetter(i)} ${percent(r.accuracy)}` : '')).join(', ');
  const satText = saturation
    .map((s, i) => `${networkLetter(i)}: ${s.map((v, l) => `${layerName(l, depth)} ${percent(v)}`).join(', ')}`)
    .join('; ');
  const ratioText = ratios.map((s, i) => `${networkLetter(i)}: ${s.map((v) => formatNumber(v)).join(', ')}`).join('; ');

  return (
    <div class="vg-lab-views">
      <section class="vg-lab-panel" aria-label="Loss and accuracy">
        <h3 class="vg-lab-h">Loss and accuracy</h3>
        <p class="vg-caption">
          The <GlossaryLink id="loss">loss</GlossaryLink> is the mean binary cross-entropy over all points; answering one half everywhere
          gives ln 2 = {formatNumber(Math.log(2), { sig: 3 })}, the <GlossaryLink id="chance-loss">chance level</GlossaryLink>. The{' '}
          <GlossaryLink id="accuracy">accuracy</GlossaryLink> is the share of points on the right side of p = 0.5.
        </p>
        <LineChart
          chart="loss"
          lines={history.map((h) => thin(h, MOST_POINTS).map((r) => [r.epoch, r.loss] as const))}
          epochs={epochs}
          yLabel="loss (binary cross-entropy)"
          label={`Loss over epochs at epoch ${epoch}: ${lossText}.`}
        />
        <LineChart
          chart="accuracy"
          lines={history.map((h) => thin(h, MOST_POINTS).map((r) => [r.epoch, r.accuracy] as const))}
          epochs={epochs}
          yDomain={[0, 1]}
          yTick={(v) => percent(v)}
          yLabel="accuracy"
          label={`Accuracy over epochs at epoch ${epoch}: ${accText}.`}
        />
      </section>
      <section class="vg-lab-panel" aria-label="Gradients per layer">
        <h3 class="vg-lab-h">Gradient per layer, {GRAD_NAME}, over the epochs</h3>
        <p class="vg-caption">
          Each row is a layer (layer 1 at the bottom, “out”, the output neuron, on top), each column a stretch of epochs; the colour is the{' '}
          <GlossaryLink id="norm">norm</GlossaryLink> of the layer's weight gradient, {GRAD_NAME}, on a log scale shared by every network:
          how strongly the loss pulls on that layer's weights, so how fast it can learn. A dark band low down is a layer that hardly learns.
          The bars below show the same measure at the current epoch.
        </p>
        <HeatLegend domain={gradDomain} />
        <div class="vg-lab-heats">
          {history.map((h, i) => (
            <GradHeatmap
              index={i}
              name={names[i] ?? ''}
              history={h}
              epochs={epochs}
              domain={gradDomain}
              version={version}
              summary={gradSummary(i)}
            />
          ))}
        </div>
        <LayerBars
          chart="grad"
          values={grads}
          hidden={depth}
          domain={gradDomain}
          log
          xLabel={`layer: ${GRAD_NAME} at epoch ${epoch} (log scale)`}
          label={`${GRAD_NAME} per layer at epoch ${epoch}. ${grads.map((_, i) => gradSummary(i)).join(' ')}`}
        />
      </section>
      <section class="vg-lab-panel" aria-label="Saturation and update ratio">
        <h3 class="vg-lab-h">Saturated units and update size per layer, epoch {epoch}</h3>
        <p class="vg-caption">
          A hidden unit is <GlossaryLink id="saturation">saturated</GlossaryLink> at a point when the slope f′(z) of its activation is below{' '}
          {exact(SATURATION_SLOPE)} of the largest slope the activation has (for the sigmoid, below{' '}
          {exact(SATURATION_SLOPE * ACTIVATIONS.sigmoid.peakSlope)}); it then passes back almost no gradient. A ReLU unit with z below 0 has
          slope 0 and counts too. The update size ‖ΔW_l‖ / ‖W_l‖ is how far one gradient-descent step moves the layer's weights, as a share
          of their size: far below the dashed line the layer barely changes.
        </p>
        <LayerBars
          chart="saturation"
          values={saturation}
          hidden={depth}
          domain={[0, 1]}
          log={false}
          yTick={(v) => percent(v)}
          xLabel="hidden layer: share of saturated units (all points)"
          label={`Share of saturated units per hidden layer at epoch ${epoch}. ${satText}.`}
        />
        <LayerBars
          chart="ratio"
          values={ratios}
          hidden={depth}
          domain={ratioDomain}
          log
          reference={{ value: RATIO_RULE, label: `${tickLabel(RATIO_RULE, true)}, a common rule of thumb` }}
          xLabel="layer: ‖ΔW_l‖ / ‖W_l‖ of one update (log scale)"
          label={`Update-to-weight ratio per layer at epoch ${epoch}${epoch === 0 ? ' (no update yet)' : ''}. ${ratioText}.`}
        />
      </section>
      <section class="vg-lab-panel" aria-label="Decision maps">
        <h3 class="vg-lab-h">Decision maps at epoch {epoch}</h3>
        <ClassLegend />
        <div class="vg-lab-maps">
          {history.map((h, i) => (
            <DecisionMap index={i} name={names[i] ?? ''} grid={grids[i]} data={data} accuracy={h.at(-1)?.accuracy ?? 0} epoch={epoch} />
          ))}
        </div>
      </section>
    </div>
  );
}
