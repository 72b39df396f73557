/**
 * The report's figures, in page order. Add a figure with one import and one `register` line.
 */
import { boundary } from './boundary';
import { clusterLabels } from './cluster-labels';
import { clusterMap } from './cluster-map';
import { decomposition } from './decomposition';
import { marginalValues } from './marginal-values';
import { passDiffHeatmap } from './pass-diff-heatmap';
import { passHeatmap } from './pass-heatmap';
import { passVsBudget } from './pass-vs-budget';
import { passVsK } from './pass-vs-k';
import { passVsKByBudget } from './pass-vs-k-by-budget';
import { FigureRegistry } from './registry';
import { retrievalAccuracy } from './retrieval-accuracy';
import { retrievalDecomposition } from './retrieval-decomposition';
import { queryDiversity } from './query-diversity';
import { strategyFrequencies } from './strategy-frequencies';
import { strategySuccess } from './strategy-success';
import { surprisalBySegment } from './surprisal-by-segment';
import { swapGrid } from './swap-grid';

/** Every figure the report knows, by name. */
export const FIGURES = new FigureRegistry()
  .register(passVsK)
  .register(passVsKByBudget)
  .register(passHeatmap)
  .register(passDiffHeatmap)
  .register(passVsBudget)
  .register(marginalValues)
  .register(boundary)
  .register(strategyFrequencies)
  .register(strategySuccess)
  .register(decomposition)
  .register(retrievalDecomposition)
  .register(queryDiversity)
  .register(clusterMap)
  .register(clusterLabels)
  .register(retrievalAccuracy)
  .register(surprisalBySegment)
  .register(swapGrid);
