// Kept only for server/dialer/instance.ts, which is being refactored elsewhere: the helper now lives in clickhouse/.
export { processSingleton } from '@/clickhouse/process-singleton';
