// The order of people's names (clickhouse/collation.ts), for the pages: the browser sorts tables by it.
export { compareNames } from '@/clickhouse/collation';
