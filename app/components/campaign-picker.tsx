'use client';
// Picks one of the caller's campaigns; the choice lives in the URL (?campaign=…) so it can be shared.
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';

type Campaign = NonNullable<ReturnType<typeof useCampaignList>['data']>[number];
const useCampaignList = () => useQuery(useTRPC().campaigns.list.queryOptions());

/**
 * The campaign chosen (`campaign`, its id `campaignId`) and the picker; `loading` while the campaign list is on its
 * way: the page shows its loader then, not an empty picker over a blank page; `failed` when it did not come.
 */
export function useSelectedCampaign(): {
  campaignId: string | null; campaign: Campaign | null; picker: React.ReactNode; empty: boolean; loading: boolean; failed: boolean;
} {
  const t = useT();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const campaigns = useCampaignList();
  const list = campaigns.data ?? [];
  const requested = params.get('campaign');
  // A campaign in the URL that is not the caller's (another client's, a deleted one) is said to be so: never a silent
  // switch to one's own first campaign, which would read as that campaign's figures under the link's promise.
  const unknown = campaigns.isSuccess && requested !== null && !list.some((c) => c.id === requested);
  const campaign = unknown ? null : list.find((c) => c.id === requested) ?? list[0] ?? null;
  const campaignId = campaign?.id ?? null;
  const picker = (
    <Select
      label={t('live.campaign')}
      data-testid="campaign-picker"
      value={campaignId}
      allowDeselect={false}
      w={340}
      placeholder={campaigns.isPending ? t('common.loading') : unknown ? t('campaign.pick') : undefined}
      error={unknown ? t('campaign.urlNotFound') : undefined}
      data={list.map((c) => ({ value: c.id, label: `${c.code} — ${c.name}` }))}
      onChange={(value) => value && router.replace(`${pathname}?campaign=${encodeURIComponent(value)}`)}
    />
  );
  return { campaignId, campaign, picker, empty: campaigns.isSuccess && list.length === 0, loading: campaigns.isPending, failed: campaigns.isError };
}
