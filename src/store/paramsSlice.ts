import type { StateCreator } from 'zustand';
import { DEFAULT_PARAMS } from '../engine/pipeline/params';
import type { PipelineParams } from '../engine/types';

export interface ParamsSlice {
  params: PipelineParams;
  setParams: (patch: Partial<PipelineParams>) => void;
  resetParams: () => void;
}

export const createParamsSlice: StateCreator<ParamsSlice, [], [], ParamsSlice> = (set) => ({
  params: { ...DEFAULT_PARAMS },
  setParams: (patch) => set((s) => ({ params: { ...s.params, ...patch } })),
  resetParams: () => set({ params: { ...DEFAULT_PARAMS } }),
});
