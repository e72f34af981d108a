// The one-time link's page and route (app/set-password, app/api/set-password) on the process's ClickHouse.
import { clickhouse } from '@/clickhouse/client';
import { inspectLink, setPasswordWithLink } from './service';

export const linkOfPage = (token: string) => inspectLink(clickhouse(), token);
export const setPasswordOfPage = (token: string, password: string) => setPasswordWithLink(clickhouse(), token, password);
