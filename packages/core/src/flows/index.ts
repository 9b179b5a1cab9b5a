/**
 * `@patronus/core/flows`: NetFlow v5, NetFlow v9 and IPFIX decoding.
 *
 *   const decoder = new FlowDecoder();
 *   decoder.importTemplates(loadFlowTemplates(db).templates, now);  // optional: templates stored before a restart
 *   socket.on("message", (msg, rinfo) => {
 *     decoder.decode(msg, rinfo.address, clock.now(), (r) => collector.add(r)); // r is reused: copy what you keep
 *   });
 *   storeTemplateChanges(db, { changes: decoder.takeTemplateChanges(), at }); // now and then, and at shutdown
 *   status(decoder.counters);
 *
 * The packet encoders (encode.ts) serve the demo exporter, tests and benchmarks. `decodeFlows`, which collects
 * copies of the records, is for tests only: `@patronus/core/flows/testing`.
 */
export { createFlowRecord, type FlowRecord } from "./flow-record";
export {
  FlowDecoder,
  type DecodeResult,
  type DecodeStatus,
  type DecoderCounters,
  type DecoderOptions,
} from "./decoder";
export type { TemplateField } from "./template";
export { templateSnapshotSchema, type TemplateSnapshot } from "./template-snapshot";
export type { TemplateChanges, TemplateKey } from "./template-store";
export {
  buildIpfixPacket,
  buildV5Packet,
  buildV9Packet,
  flowDataSet,
  flowValues,
  IPFIX_IPV4_TEMPLATE,
  IPFIX_IPV6_TEMPLATE,
  V9_IPV4_TEMPLATE,
  V9_IPV6_TEMPLATE,
  type DataSetSpec,
  type FieldValue,
  type IpfixPacketSpec,
  type SetSpec,
  type TemplateFieldSpec,
  type TemplateSpec,
  type FlowSpec,
  type UptimeClock,
  type V5PacketSpec,
  type V9PacketSpec,
} from "./encode";
