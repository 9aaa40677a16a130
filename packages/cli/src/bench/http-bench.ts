// HTTP figures for POST /v1/rank: filled in once the API lands.
import type { FrameworkData } from '@bridgework/core';
import type { BenchFigure } from './stats.ts';

export async function benchHttp(_data: FrameworkData, _options: { quick: boolean }): Promise<BenchFigure[]> {
  return [];
}
