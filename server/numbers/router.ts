// The number inventory (numbers.*) and the consent records (consents.*) in the portal. Numbers: the caller's own
// organization's, for the outsourcer's managers and admins and the client's admins. Consents: read on one
// campaign of the scope (a contact's records, the export for an audit); written by the contact import and the API,
// withdrawn by the API or, when the contact tells either side, in the portal.
import { z } from 'zod';
import { numbersSql } from '@/clickhouse/queries/numbers';
import { normalisePhone } from '@/dialer/phone';
import { CAMPAIGN_MANAGERS, PARTNERSHIP_MEMBERS, WORKSPACE_EDITORS } from '@/server/tenancy/roles';
import { userError } from '@/server/trpc/user-error';
import { withdrawConsents } from './consents';
import { campaignProcedure, roleProcedure, router } from '@/server/trpc/init';
import { consentCsv, consentState } from './consent-csv';
import { addNumber, inventoryOf, removeNumber, updateNumber } from './inventory';

const id = z.string().min(1).max(128);
const proofRef = z.string().max(500);

export const numbersRouter = router({
  list: roleProcedure(CAMPAIGN_MANAGERS).query(({ ctx }) => inventoryOf(ctx.ch, ctx.scope)),

  add: roleProcedure(CAMPAIGN_MANAGERS)
    .input(z.object({ number: z.string().trim().min(1).max(40), owner: z.enum(['outsourcer', 'client']).optional(), clientOrgId: id.optional(), proofRef }))
    .mutation(({ ctx, input }) => addNumber(ctx.ch, ctx.scope, ctx.user, input)),

  update: roleProcedure(CAMPAIGN_MANAGERS)
    .input(z.object({ id, proofRef }))
    .mutation(({ ctx, input }) => updateNumber(ctx.ch, ctx.scope, ctx.user, input.id, input.proofRef)),

  remove: roleProcedure(CAMPAIGN_MANAGERS)
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => removeNumber(ctx.ch, ctx.scope, ctx.user, input.id)),
});

export const consentsRouter = router({
  /** A contact's records in the campaign's partnership, with their state now. */
  ofContact: campaignProcedure(PARTNERSHIP_MEMBERS)
    .input(z.object({ phone: z.string().max(64) }))
    .query(async ({ ctx, input }) => {
      const phone = normalisePhone(input.phone, 'FR');
      if (!phone.ok) return { phone: null, records: [] };
      const now = ctx.now();
      const rows = await numbersSql.consentsOfPhone(ctx.ch, ctx.campaign.partnership_id, [phone.e164]);
      return {
        phone: phone.e164,
        // Records of another campaign of the partnership are the partnership's own: shown, marked by scope.
        records: rows.map((r) => ({ ...r, state: consentState(r, now), thisCampaign: r.scope === 'client' || r.campaign_id === ctx.campaign.id })),
      };
    }),

  /**
   * A record of this contact withdrawn now (the contact told the client or the contact center): the record must be the
   * contact's, in this campaign's partnership; already withdrawn, nothing changes.
   */
  withdraw: campaignProcedure(WORKSPACE_EDITORS)
    .input(z.object({ phone: z.string().max(64), recordId: id }))
    .mutation(async ({ ctx, input }) => {
      const phone = normalisePhone(input.phone, 'FR');
      if (!phone.ok) throw userError('NOT_FOUND', 'error.noSuch.consent');
      const orgIds = [ctx.campaign.outsourcer_org_id, ctx.campaign.client_org_id];
      const [matched] = await withdrawConsents(ctx.ch, ctx.user, orgIds, [{ partnershipId: ctx.campaign.partnership_id, phone: phone.e164, at: ctx.now(), recordId: input.recordId }], ctx.now());
      if (!matched) throw userError('NOT_FOUND', 'error.noSuch.consent');
      return { withdrawn: matched };
    }),

  /** The campaign's records (its own scope and the client-wide ones) as CSV for an audit, in the user's language. */
  export: campaignProcedure(PARTNERSHIP_MEMBERS)
    .input(z.object({ locale: z.enum(['fr', 'en']) }))
    .query(async ({ ctx, input }) => {
      const rows = await numbersSql.consentsOfCampaign(ctx.ch, ctx.campaign.partnership_id, ctx.campaign.id);
      const day = new Date(ctx.now()).toISOString().slice(0, 10);
      return { filename: `relais-consentements-${ctx.campaign.code}-${day}.csv`, csv: consentCsv(rows, ctx.campaign.code, input.locale, ctx.now()), records: rows.length };
    }),
});
