import type { TraceNode } from '../../api/schemas';
import { SpanKind, spanKind } from './spanKind';

export interface ModelLabel {
  text: string;
  /**
   * True when `metadata.model` is absent and the text is the model class taken from the span's
   * name (`AwsBedrock` from `AwsBedrock.invoke`): agno names LLM spans `<ModelClass>.<method>`
   * and keeps the model id only in `metadata.model`, which OpenTelemetry's 128-attribute limit
   * can drop.
   */
  isFromSpanName: boolean;
}

/**
 * What to call the model of a span: its `metadata.model`, else, for an LLM span, the model class
 * from its name. Null when neither says anything.
 */
export function modelLabel(node: Pick<TraceNode, 'name' | 'type' | 'metadata'>): ModelLabel | null {
  const model = node.metadata?.model;
  if (typeof model === 'string' && model !== '') return { text: model, isFromSpanName: false };
  if (spanKind(node.type) !== SpanKind.Llm) return null;
  const dot = node.name.lastIndexOf('.');
  const modelClass = dot > 0 ? node.name.slice(0, dot) : '';
  return modelClass === '' ? null : { text: modelClass, isFromSpanName: true };
}
